package dev.amends.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A file a command writes (UTF-8), written whole or not at all: the text goes to a temporary file
 * in the same folder ({@code .NAME.RANDOM.tmp}), which {@link #commit()} forces to disk and moves
 * onto the requested name atomically. {@link #close()} without a commit deletes it, so a failed
 * run never leaves a half-written file under the requested name, nor replaces a good one there.
 *
 * <p>A requested name that is a symbolic link is written through: the link's target is replaced.
 * An existing file's permissions are kept. A requested name that is there and is not a regular
 * file (a device such as {@code /dev/null}, a named pipe) is written directly and never replaced:
 * moving a file onto it would put a regular file in the device's place (as root, {@code --out
 * /dev/null} did that to the system's {@code /dev/null}). Every failure is a {@link CliException} with {@link
 * ExitCodes#WRITE_FAILED} naming the option, the file and the system's reason.
 */
final class OutputFile implements AutoCloseable {
  private final String option;
  private final Path requested;
  private final Path target;
  /** The temporary file, or null when the target is a device or pipe, written directly. */
  private final Path temp;
  private final FileChannel channel;
  private final Writer writer;
  private boolean done;

  private OutputFile(String option, Path requested, Path target, Path temp, FileChannel channel) {
    this.option = option;
    this.requested = requested;
    this.target = target;
    this.temp = temp;
    this.channel = channel;
    Writer text = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel), StandardCharsets.UTF_8), 1 << 16);
    this.writer = new Guarded(text, this);
  }

  /** Whether the target is there and is neither a regular file nor a folder: a device or a pipe. */
  private static boolean special(Path target) {
    return Files.exists(target) && !Files.isRegularFile(target) && !Files.isDirectory(target);
  }

  /**
   * Creates the temporary file for {@code requested}, given as {@code option}.
   *
   * @throws CliException with {@link ExitCodes#WRITE_FAILED} if the folder cannot be written or
   *     the name is a folder
   */
  static OutputFile create(String option, Path requested) {
    Path target = requested;
    try {
      if (Files.isSymbolicLink(requested) && Files.exists(requested)) {
        target = requested.toRealPath();
      }
      if (Files.isDirectory(target)) {
        throw failed(option, requested, "is a directory");
      }
      if (special(target)) {
        return new OutputFile(option, requested, target, null, FileChannel.open(target, StandardOpenOption.WRITE));
      }
      Path dir = target.toAbsolutePath().getParent();
      Path temp = dir.resolve("." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + ".tmp");
      FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
      return new OutputFile(option, requested, target, temp, channel);
    } catch (IOException e) {
      throw failed(option, requested, e);
    }
  }

  /** Where to write; a failure to write is a {@link CliException}. Closing it only flushes it. */
  Writer writer() {
    return writer;
  }

  /**
   * Writes what is buffered, forces it to disk and moves the file onto the requested name.
   *
   * @throws CliException with {@link ExitCodes#WRITE_FAILED} if any of it fails (the temporary
   *     file is then deleted)
   */
  void commit() {
    if (done) {
      return;
    }
    try {
      writer.flush();
      if (temp == null) { // a device or pipe: written directly, nothing to move
        channel.close();
        done = true;
        return;
      }
      channel.force(true);
      channel.close();
      keepPermissions();
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      done = true;
    } catch (IOException e) {
      throw failed(option, requested, e);
    } finally {
      if (!done) {
        close();
      }
    }
  }

  /** A file already there keeps its permissions (a new one has the default ones, as any new file). */
  private void keepPermissions() throws IOException {
    if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
    if (view != null) {
      view.setPermissions(Files.getPosixFilePermissions(target));
    }
  }

  /** Deletes the temporary file unless committed. */
  @Override
  public void close() {
    if (done) {
      return;
    }
    done = true;
    try {
      channel.close();
    } catch (IOException ignored) {
      // deleted next
    }
    if (temp == null) {
      return;
    }
    try {
      Files.deleteIfExists(temp);
    } catch (IOException ignored) {
      // nothing more to do: the requested name was never touched
    }
  }

  static CliException failed(String option, Path file, IOException e) {
    return failed(option, file, reason(e));
  }

  private static CliException failed(String option, Path file, String why) {
    return new CliException(ExitCodes.WRITE_FAILED, "cannot write " + option + " " + file + ": " + why);
  }

  /** The system's reason, without the path it usually repeats. */
  static String reason(IOException e) {
    return switch (e) {
      case AccessDeniedException a -> "permission denied";
      case NoSuchFileException n -> "no such directory";
      case FileSystemException f when f.getReason() != null -> f.getReason();
      default -> String.valueOf(e.getMessage());
    };
  }

  /** The file's writer: an I/O failure is a {@link CliException}; close only flushes. */
  private static final class Guarded extends Writer {
    private final Writer out;
    private final OutputFile file;

    Guarded(Writer out, OutputFile file) {
      this.out = out;
      this.file = file;
    }

    @Override
    public void write(char[] cbuf, int off, int len) {
      try {
        out.write(cbuf, off, len);
      } catch (IOException e) {
        throw failed(file.option, file.requested, e);
      }
    }

    @Override
    public void write(String s, int off, int len) {
      try {
        out.write(s, off, len);
      } catch (IOException e) {
        throw failed(file.option, file.requested, e);
      }
    }

    @Override
    public void flush() {
      try {
        out.flush();
      } catch (IOException e) {
        throw failed(file.option, file.requested, e);
      }
    }

    @Override
    public void close() {
      flush();
    }
  }
}
