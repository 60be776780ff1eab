import { useId } from 'react';
import { useModal } from '../useModal.js';

// A modal sheet from the bottom of a phone's screen (useModal): focus moves to its close
// button and stays inside, Escape, that button or a tap outside close it, and focus then
// goes back to what opened it.
export default function FilterSheet({ title, onClose, footer, children }) {
  const headingId = useId();
  const { box, onKeyDown, onBackdrop, close } = useModal(onClose);
  return (
    <div className="sheet-backdrop" onMouseDown={onBackdrop}>
      <div ref={box} className="sheet" role="dialog" aria-modal="true" aria-labelledby={headingId} onKeyDown={onKeyDown} data-testid="filter-sheet">
        <div className="sheet-head">
          <h2 id={headingId}>{title}</h2>
          <button type="button" className="button ghost" onClick={close} data-autofocus>
            Fermer
          </button>
        </div>
        <div className="sheet-body">{children}</div>
        {footer && <div className="sheet-foot">{footer}</div>}
      </div>
    </div>
  );
}
