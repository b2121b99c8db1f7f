export * from './envelope';
export * from './read';
export { migrate, MIGRATIONS } from './migrations';
export * from './repair';
