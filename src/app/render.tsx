/** React and the app, loaded by boot.ts once the generator worker is on its way. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import type { AppServices } from './services/startServices.ts';

export function renderApp(services: AppServices): void {
  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <App services={services} />
    </StrictMode>,
  );
}
