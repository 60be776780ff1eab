import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import App from './App.jsx';
import './styles.css';

// The first render as a transition: React renders it in slices of a few milliseconds,
// yielding to the browser between them, instead of one long task a phone would feel.
const root = createRoot(document.getElementById('root'));
startTransition(() => {
  root.render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
