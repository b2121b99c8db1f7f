import type { FlowNode, RelationFlowEdge } from '../graph/flow';

/** What a picture of the map is drawn from: the laid-out nodes and edges, and what the caption says. */
export interface MapPicture {
  nodes: readonly FlowNode[];
  edges: readonly RelationFlowEdge[];
  hiddenTypes: ReadonlySet<string>;
  /** The phase filter's name, for the caption. */
  phase: string;
}
