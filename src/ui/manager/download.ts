// Saves text as a file through the browser's download (an <a download> on a blob URL).
export function downloadText(doc: Document, fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  // The download has started reading the blob; keep the URL alive a moment for slow starts.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
