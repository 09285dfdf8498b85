// A local entry for the monaco-yaml worker: importing `monaco-yaml/yaml.worker?worker` directly
// fails for some Vite setups ("Unexpected usage at EditorSimpleWorker.loadForeignModule").
import 'monaco-yaml/yaml.worker.js';
