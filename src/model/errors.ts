// The library's error classes and localised issues live in src/_lib/errors.ts, which every folder
// (the date arithmetic and argument checks of _lib included) can import without reaching into the model.
export * from '../_lib/errors.js';
