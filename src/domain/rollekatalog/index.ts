export * from './rules';
export * from './operations';
