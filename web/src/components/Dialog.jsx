import { useId } from 'react';
import { useModal } from '../useModal.js';

// A small modal dialog (useModal): focus goes to its first field and stays inside, Escape
// or "Annuler" closes it, and focus goes back to what opened it.
export default function Dialog({ title, onClose, children, testId }) {
  const headingId = useId();
  const { box, onKeyDown, onBackdrop } = useModal(onClose);
  return (
    <div className="dialog-backdrop" onMouseDown={onBackdrop}>
      <div ref={box} className="dialog" role="dialog" aria-modal="true" aria-labelledby={headingId} onKeyDown={onKeyDown} data-testid={testId}>
        <h2 id={headingId}>{title}</h2>
        {children}
      </div>
    </div>
  );
}
