// A part of the app that fails (its code could not be downloaded, or it threw while drawing)
// shows a message in its place; the header, the navigation and every other view keep working.
// Without this, React takes the whole window down with it, and whatever was being typed with it.
//
// Views and dialogs load their code on first use. A download that fails (the library's server
// stopped, or Qalam was updated since the window opened and the old file names are gone) is
// remembered by React.lazy for good, so the loaders here are made afresh to try again: from "Try
// again", on going to another view, or on closing the dialog that failed.
import { Component, lazy, type ComponentType, type ErrorInfo, type ReactNode } from 'react';

const failedLoads = new Set<() => void>();

/// React.lazy for a component that can be loaded again after a failed download
/// (`retryFailedLoads`).
export function retryableLazy<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> {
  const make = () =>
    lazy(() =>
      load().then(
        (component) => ({ default: component }),
        (e: unknown) => {
          failedLoads.add(reset);
          throw e;
        },
      ),
    );
  let current = make();
  const reset = () => {
    current = make();
  };
  return function Loaded(props: P) {
    const C = current;
    return <C {...props} />;
  };
}

/// Make every loader whose download failed try again when next drawn.
export function retryFailedLoads(): void {
  for (const reset of failedLoads) reset();
  failedLoads.clear();
}

/// What to tell the user about a failure of part of the app.
export function failureMessage(error: unknown, what: string): string {
  const message = error instanceof Error ? error.message : String(error);
  // Chromium, Firefox and Safari word a failed dynamic import differently.
  if (/dynamically imported module|module script|Importing a module script failed|error loading dynamically/i.test(message)) {
    return `${what} could not be loaded: the connection to the library may have been lost, or Qalam was updated since this window was opened. Try again, or reload the window.`;
  }
  return `${what} could not be shown because of an error: ${message}`;
}

interface BoundaryProps {
  /// Names the part in the message: "This view", "The import dialog".
  what: string;
  /// A new key (another view, say) clears a failure.
  resetKey?: string;
  /// Offered beside "Try again" when given (a dialog can be closed).
  onClose?: () => void;
  children: ReactNode;
}

interface BoundaryState {
  error: unknown;
  key: string | undefined;
}

export class ViewBoundary extends Component<BoundaryProps, BoundaryState> {
  override state: BoundaryState = { error: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<BoundaryState> {
    return { error: error ?? new Error('unknown error') };
  }

  static getDerivedStateFromProps(props: BoundaryProps, state: BoundaryState): Partial<BoundaryState> | null {
    if (props.resetKey === state.key) return null;
    // Another view: whatever failed to download before is tried again when it is drawn.
    retryFailedLoads();
    return { error: null, key: props.resetKey };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(error, info.componentStack);
  }

  private retry = () => {
    retryFailedLoads();
    this.setState({ error: null });
  };

  private close = () => {
    retryFailedLoads();
    this.props.onClose?.();
  };

  override render() {
    if (!this.state.error) return this.props.children;
    return (
      <div className={`view-failure${this.props.onClose ? ' view-failure--floating' : ''}`} role="alert">
        <p>{failureMessage(this.state.error, this.props.what)}</p>
        <div className="view-failure__actions">
          <button type="button" className="primary" onClick={this.retry}>
            Try again
          </button>
          <button type="button" onClick={() => window.location.reload()}>
            Reload the window
          </button>
          {this.props.onClose && (
            <button type="button" onClick={this.close}>
              Close
            </button>
          )}
        </div>
      </div>
    );
  }
}
