/**
 * The player of a streaming output (`gr.Audio(streaming=True)` fed by a
 * generator): each chunk the app yields is played after the one before, in
 * the component's own player, as it arrives. Each chunk's bytes are copied
 * when it comes, because the core may release the file once the next chunk
 * replaces it in the value.
 */
export class ChunkPlayer {
  readonly #media: HTMLMediaElement;
  readonly #waiting: string[] = [];
  #playing: string | null = null;
  // Chunks are fetched in the order they came, so they play in that order.
  #fetched: Promise<void> = Promise.resolve();

  constructor(media: HTMLMediaElement) {
    this.#media = media;
    media.addEventListener("ended", () => this.#next());
    media.addEventListener("error", () => this.#next());
  }

  add(url: string): void {
    this.#fetched = this.#fetched
      .then(() => fetch(url))
      .then((response) => response.blob())
      .then((blob) => {
        this.#waiting.push(URL.createObjectURL(blob));
        if (this.#playing === null) this.#next();
      })
      .catch(() => undefined); // a chunk that could not be read is skipped; the next one plays
  }

  #next(): void {
    if (this.#playing !== null) URL.revokeObjectURL(this.#playing);
    this.#playing = this.#waiting.shift() ?? null;
    if (this.#playing === null) return;
    this.#media.src = this.#playing;
    this.#media.play().catch(() => undefined); // refused autoplay: the person presses play
  }

  /** The page let go of the component: forget the chunks not yet played. */
  close(): void {
    for (const url of this.#waiting.splice(0)) URL.revokeObjectURL(url);
  }
}
