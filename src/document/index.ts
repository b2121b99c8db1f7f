export * from './envelope';
export * from './read';
export * from './people-table';
export { migrate, MIGRATIONS } from './migrations';
