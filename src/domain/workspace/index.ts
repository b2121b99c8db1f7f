export * from './schema';
export * from './integrity';
export * from './validate';
export * from './validate-change';
export * from './operations';
export * from './coverage';
export * from './demo';
export * from './advice';
export { newId } from './ids';
