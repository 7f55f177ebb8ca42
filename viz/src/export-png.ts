// PNG export of the whole graph (not only the viewport), with the legend, the mode, the time range and what is shown.
import { drawOnCanvas } from '@sigma/export-image';
import type Sigma from 'sigma';
import type { LegendEntry } from './appearance.js';
import type { KgSigma } from './renderer.js';
import type { ViewMode } from './state.js';

export interface PngCaption {
  background: string;
  ink: string;
  legend: LegendEntry[];
  mode: ViewMode;
  range: string;
  shown: string;
}

const WIDTH = 1600;
const HEIGHT = 1200;
const FOOTER = 64;

/**
 * Draws the graph with the camera reset (everything in frame) at 1600x1200, then a footer with the legend and the time
 * range. `attachLabels` gives the export's own renderer the viewer's label placement, and it draws once more with it.
 */
export async function exportPng(sigma: KgSigma, caption: PngCaption, attachLabels: (renderer: KgSigma) => void): Promise<Blob> {
  const withTempRenderer = async (renderer: Sigma) => {
    attachLabels(renderer as unknown as KgSigma);
    renderer.refresh();
  };
  const graphCanvas = await drawOnCanvas(sigma as unknown as Sigma, { width: WIDTH, height: HEIGHT, cameraState: { x: 0.5, y: 0.5, ratio: 1, angle: 0 }, backgroundColor: caption.background, withTempRenderer });
  const canvas = document.createElement('canvas');
  canvas.width = graphCanvas.width;
  canvas.height = graphCanvas.height + FOOTER * (graphCanvas.width / WIDTH);
  const context = canvas.getContext('2d')!;
  const scale = graphCanvas.width / WIDTH;
  context.fillStyle = caption.background;
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(graphCanvas, 0, 0);
  context.scale(scale, scale);
  context.translate(0, HEIGHT);
  context.fillStyle = caption.ink;
  context.font = '600 16px system-ui, sans-serif';
  context.textBaseline = 'middle';
  context.fillText(`kg · ${caption.mode === 'people' ? 'people network' : 'event network'} · ${caption.range} · ${caption.shown}`, 16, 18);
  context.font = '14px system-ui, sans-serif';
  let x = 16;
  for (const entry of caption.legend) {
    if ('scale' in entry) {
      const gradient = context.createLinearGradient(x + 30, 0, x + 130, 0);
      gradient.addColorStop(0, entry.scale[0]);
      gradient.addColorStop(1, entry.scale[1]);
      context.fillStyle = caption.ink;
      context.fillText(String(entry.low), x, 46);
      context.fillStyle = gradient;
      context.fillRect(x + 30, 40, 100, 12);
      context.fillStyle = caption.ink;
      context.fillText(String(entry.high), x + 136, 46);
      x += 190;
      continue;
    }
    const text = entry.count === undefined ? entry.label : `${entry.label} (${entry.count})`;
    context.fillStyle = entry.color;
    context.fillRect(x, 40, 12, 12);
    context.fillStyle = caption.ink;
    context.fillText(text, x + 17, 46);
    x += 17 + context.measureText(text).width + 16;
  }
  return new Promise((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG export failed'))), 'image/png'));
}
