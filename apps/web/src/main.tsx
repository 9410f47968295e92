import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { ApiQueryProvider } from './api/query-client';
import { App } from './app/App';
import { createI18n } from './i18n';
import './styles/app.css';
import './styles/consultations.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    {/* Server state (the API's answers) for the whole app; the session empties it when the person changes. */}
    <ApiQueryProvider>
      <App i18n={createI18n()} />
    </ApiQueryProvider>
  </StrictMode>,
);
