declare module 'virtual:default-layouts' {
  import type { Layout } from './graph/elk-graph';
  /** Default layouts of the shipped catalogues, keyed by layout key. */
  const layouts: Record<string, Layout>;
  export default layouts;
}
