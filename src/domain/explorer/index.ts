export * from './phase-filter';
export * from './search';
export * from './neighbours';
