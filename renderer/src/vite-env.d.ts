// Types for what the bundler adds: `import.meta.env`, CSS side-effect imports, and `?raw`
// imports (the editor's tests read corpus files as strings that way, without Node types).
/// <reference types="vite/client" />
