/**
 * Decoded sound as a 16-bit PCM WAV file: the format the core reads with
 * Python's own `wave` module, so `gr.Audio(type="numpy")` needs no ffmpeg.
 */

const HEADER_BYTES = 44;

export function encodeWav(sound: AudioBuffer): ArrayBuffer {
  const channels = Math.min(sound.numberOfChannels, 2);
  const frames = sound.length;
  const dataBytes = frames * channels * 2;
  const buffer = new ArrayBuffer(HEADER_BYTES + dataBytes);
  const view = new DataView(buffer);
  const ascii = (offset: number, text: string): void => {
    for (let i = 0; i < text.length; i += 1) view.setUint8(offset + i, text.charCodeAt(i));
  };
  ascii(0, "RIFF");
  view.setUint32(4, HEADER_BYTES - 8 + dataBytes, true);
  ascii(8, "WAVE");
  ascii(12, "fmt ");
  view.setUint32(16, 16, true); // size of the fmt chunk
  view.setUint16(20, 1, true); // PCM
  view.setUint16(22, channels, true);
  view.setUint32(24, sound.sampleRate, true);
  view.setUint32(28, sound.sampleRate * channels * 2, true); // bytes per second
  view.setUint16(32, channels * 2, true); // bytes per frame
  view.setUint16(34, 16, true); // bits per sample
  ascii(36, "data");
  view.setUint32(40, dataBytes, true);
  const samples = Array.from({ length: channels }, (_, channel) => sound.getChannelData(channel));
  let offset = HEADER_BYTES;
  for (let frame = 0; frame < frames; frame += 1) {
    for (const channel of samples) {
      const clipped = Math.max(-1, Math.min(1, channel[frame] ?? 0));
      view.setInt16(offset, Math.round(clipped * 32767), true);
      offset += 2;
    }
  }
  return buffer;
}
