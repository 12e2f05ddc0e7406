// First run: an empty library offers the sample articles and the import.
import { useState } from 'react';
import { api } from '../../api.js';
import { refreshCodebook } from '../../state/codebook.js';
import { openImport } from '../../state/dialogs.js';
import { libraryChanged } from '../../state/libraryVersion.js';
import { notify, notifyError } from '../../state/notices.js';
import './welcome.css';

/// The first-run panel of an empty library.
export function Welcome() {
  const [loading, setLoading] = useState(false);
  const load = async () => {
    if (loading) return;
    setLoading(true);
    try {
      const summary = await api.loadSamples({});
      notify(
        summary.imported > 0
          ? `Loaded ${summary.imported} sample article${summary.imported === 1 ? '' : 's'}.`
          : 'The sample articles are already in the library.',
      );
      libraryChanged();
      void refreshCodebook().catch(() => undefined);
    } catch (e) {
      notifyError(e, 'load the sample articles');
    } finally {
      setLoading(false);
    }
  };
  return (
    <div className="welcome" role="region" aria-labelledby="welcome-title">
      <h2 id="welcome-title">Welcome to Qalam</h2>
      <p>
        Your library is empty. Bring in articles — text, Markdown, HTML, feeds or JSON, in any of the usual Cyrillic encodings — or start with a few
        sample articles in Uzbek, Kazakh, Russian and English to see how searching and tagging work.
      </p>
      <div className="button-row">
        {/* Not disabled while loading: a disabled button loses the focus to the page. Once the
            samples are in, this panel goes and the library moves the focus to its list. */}
        <button type="button" className="primary" onClick={() => void load()} aria-disabled={loading} aria-busy={loading}>
          {loading ? 'Loading samples…' : 'Load sample articles'}
        </button>
        <button type="button" onClick={() => openImport()}>
          Import your own files…
        </button>
      </div>
      <p className="muted">You can also drop files or folders anywhere on this window.</p>
    </div>
  );
}
