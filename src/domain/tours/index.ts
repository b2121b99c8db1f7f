export * from './schema';
export * from './refs';
export * from './file';
export * from './operations';
