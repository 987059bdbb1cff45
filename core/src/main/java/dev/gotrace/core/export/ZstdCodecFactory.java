package dev.gotrace.core.export;

import io.airlift.compress.zstd.ZstdCompressor;
import java.io.IOException;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * Parquet's ZSTD compression by aircompressor (pure Java): parquet-java's own codecs go through
 * Hadoop's codec classes, which the export leaves out. Writes only.
 */
final class ZstdCodecFactory implements CompressionCodecFactory {
  @Override public BytesInputCompressor getCompressor(CompressionCodecName codec) {
    if (codec != CompressionCodecName.ZSTD) throw new IllegalArgumentException("only ZSTD is offered, not " + codec);
    ZstdCompressor zstd = new ZstdCompressor();
    return new BytesInputCompressor() {
      @Override public BytesInput compress(BytesInput bytes) throws IOException {
        byte[] in = bytes.toByteArray();
        byte[] out = new byte[zstd.maxCompressedLength(in.length)];
        int n = zstd.compress(in, 0, in.length, out, 0, out.length);
        return BytesInput.from(out, 0, n);
      }

      @Override public CompressionCodecName getCodecName() { return CompressionCodecName.ZSTD; }

      @Override public void release() {}
    };
  }

  @Override public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
    throw new UnsupportedOperationException("the export writes Parquet, it does not read it");
  }

  @Override public void release() {}
}
