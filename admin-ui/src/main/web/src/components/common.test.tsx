import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ConfirmByTyping, formatDuration } from './common';

describe('confirm by typing', () => {
  it('runs the action only after the exact key was typed, with the keyboard alone', async () => {
    const onConfirm = vi.fn();
    render(<ConfirmByTyping expected="acme" action="Delete tenant" description="gone" onConfirm={onConfirm} onCancel={vi.fn()} />);
    const user = userEvent.setup();
    const input = screen.getByLabelText(/Type acme to confirm/);

    expect(input).toHaveFocus();
    await user.keyboard('acm{Enter}');
    expect(onConfirm).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Delete tenant' })).toBeDisabled();

    await user.keyboard('e{Enter}');
    expect(onConfirm).toHaveBeenCalledOnce();
  });

  it('cancels on Escape', async () => {
    const onCancel = vi.fn();
    render(<ConfirmByTyping expected="acme" action="Delete tenant" description="gone" onConfirm={vi.fn()} onCancel={onCancel} />);

    await userEvent.setup().keyboard('{Escape}');

    expect(onCancel).toHaveBeenCalledOnce();
  });
});

describe('confirm focus', () => {
  it('gives focus back to the button that opened it', async () => {
    function Host() {
      const [open, setOpen] = useState(false);
      return (
        <>
          <button type="button" onClick={() => setOpen(true)}>
            Delete…
          </button>
          {open && <ConfirmByTyping expected="acme" action="Delete tenant" description="gone" onConfirm={vi.fn()} onCancel={() => setOpen(false)} />}
        </>
      );
    }
    render(<Host />);
    const user = userEvent.setup();

    await user.tab();
    await user.keyboard('{Enter}');
    expect(screen.getByLabelText(/Type acme to confirm/)).toHaveFocus();
    await user.keyboard('{Escape}');

    expect(screen.getByRole('button', { name: 'Delete…' })).toHaveFocus();
  });
});

describe('durations', () => {
  it('reads like a person would say them', () => {
    expect(formatDuration(240)).toBe('240 ms');
    expect(formatDuration(2500)).toBe('2.5 s');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
  });
});
