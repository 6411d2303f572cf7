import { useState } from 'react';
import type { TableCall } from '../api/client';
import { useSession } from '../session';
import { ErrorMessage } from '../components/common';

function save(blob: Blob, filename: string) {
  const href = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = href;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // the browser reads the blob after the click returns
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}

/** Downloads a table as usage-meter exports it (`Accept: text/csv`, the operator's token). */
export function CsvExport({ call, filename, label = 'Export CSV' }: { call: TableCall; filename: string; label?: string }) {
  const { api } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  return (
    <span className="csv-export">
      <button
        type="button"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          setError(null);
          api
            .csv(call)
            .then((blob) => save(blob, filename))
            .catch(setError)
            .finally(() => setBusy(false));
        }}
      >
        {busy ? 'Exporting…' : label}
      </button>
      <ErrorMessage error={error} />
    </span>
  );
}
