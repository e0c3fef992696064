/** Entry: languages, AG Grid's modules, then the app. */
import { AllCommunityModule, ModuleRegistry } from 'ag-grid-community';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { initI18n } from './i18n';
import './styles.css';
import 'uplot/dist/uPlot.min.css';

// All community modules: the grid code is bundled either way, and picking modules one by one
// only trades a smaller bundle for a missing-module error at run time.
ModuleRegistry.registerModules([AllCommunityModule]);
initI18n();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
