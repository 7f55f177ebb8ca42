// The page's entry point, kept small: it starts the download of the viewer (viewer.ts, with sigma and graphology),
// draws the first frame from the drawing file meanwhile, then hands the page over to the viewer.
import { drawFirstFrame, drawableAtOnce, fetchDrawing, type Picture } from './first-frame.js';
import { showMessage } from './message.js';
import { parseViewState, type ViewState } from './state.js';
import { initialTheme, type Theme } from './theme.js';

/** Draws the first frame from the drawing file when the state allows; resolves to the picture, or null. */
async function drawFromDrawingFile(state: ViewState, theme: Theme): Promise<Picture | null> {
  if (!drawableAtOnce(state)) return null;
  const file = await fetchDrawing('./viewer.json');
  performance.mark('kg:drawing');
  if (file === null) return null;
  const picture = drawFirstFrame(file, document.getElementById('sigma-container')!, theme);
  // On screen before the viewer's start and graph.json's parse hold the main thread: past the next frame's paint.
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  return picture;
}

async function start(): Promise<void> {
  const viewer = import('./viewer.js');
  const state = parseViewState(window.location.hash);
  const theme = initialTheme();
  document.documentElement.dataset.theme = theme;
  const picture = await drawFromDrawingFile(state, theme);
  const { startViewer } = await viewer;
  await startViewer(state, theme, picture);
}

start().catch((error: unknown) => showMessage(`Cannot start the viewer: ${error instanceof Error ? error.message : String(error)}`));
