import { useEffect, useId, useRef } from 'react';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

// A modal sheet from the bottom of a phone's screen: focus moves into it and stays there
// (Tab and Shift+Tab wrap around), Escape, the close button or a tap outside close it, and
// focus then goes back to what opened it. The page behind does not scroll meanwhile.
export default function FilterSheet({ title, onClose, footer, children }) {
  const sheet = useRef(null);
  const headingId = useId();
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    const opener = document.activeElement;
    sheet.current.querySelector('[data-autofocus]')?.focus();
    document.body.classList.add('sheet-open');
    return () => {
      document.body.classList.remove('sheet-open');
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);

  function onKeyDown(event) {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      close.current();
      return;
    }
    if (event.key !== 'Tab') return;
    const focusable = [...sheet.current.querySelectorAll(FOCUSABLE)];
    if (focusable.length === 0) return;
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (event.shiftKey && (document.activeElement === first || !sheet.current.contains(document.activeElement))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  return (
    <div className="sheet-backdrop" onMouseDown={(event) => event.target === event.currentTarget && close.current()}>
      <div ref={sheet} className="sheet" role="dialog" aria-modal="true" aria-labelledby={headingId} onKeyDown={onKeyDown} data-testid="filter-sheet">
        <div className="sheet-head">
          <h2 id={headingId}>{title}</h2>
          <button type="button" className="button ghost" onClick={() => close.current()} data-autofocus>
            Fermer
          </button>
        </div>
        <div className="sheet-body">{children}</div>
        {footer && <div className="sheet-foot">{footer}</div>}
      </div>
    </div>
  );
}
