package dev.amends.cli;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files a command writes, checked and created before anything is read, and moved into place
 * together at the end ({@link OutputFile}). An output that is one of the inputs (the same file,
 * whatever the path: {@link Files#isSameFile} follows links, and hard links share the file), or
 * the same file as another output, is refused: writing it would destroy what is being read.
 *
 * <p>Not thread-safe; used by the command's thread.
 */
final class OutputFiles implements AutoCloseable {
  private final Map<String, OutputFile> files = new LinkedHashMap<>();

  private OutputFiles() {}

  /**
   * Checks the outputs against the inputs and one another, and the inputs of each option against
   * one another, then creates each output's temporary file.
   *
   * @param outputs the files to write by option; an option with a null path is not written
   * @param inputs the files read, by option
   * @param once the input options whose files must all differ (a document given twice)
   * @throws CliException with {@link ExitCodes#USAGE} for an output that is an input or another
   *     output, or an input given twice; with {@link ExitCodes#WRITE_FAILED} if a file cannot be
   *     created
   */
  static OutputFiles open(Map<String, Path> outputs, Map<String, List<Path>> inputs, List<String> once) {
    for (String option : once) {
      List<Path> given = inputs.getOrDefault(option, List.of());
      for (int i = 0; i < given.size(); i++) {
        for (int j = 0; j < i; j++) {
          if (same(given.get(i), given.get(j))) {
            throw new CliException(ExitCodes.USAGE, option + " " + given.get(i) + " is given twice"
                + (given.get(i).equals(given.get(j)) ? "" : " (also as " + given.get(j) + ")"));
          }
        }
      }
    }
    List<Map.Entry<String, Path>> out = new ArrayList<>();
    outputs.forEach((option, file) -> {
      if (file != null) {
        out.add(Map.entry(option, file));
      }
    });
    for (int i = 0; i < out.size(); i++) {
      Path file = out.get(i).getValue();
      for (Map.Entry<String, List<Path>> in : inputs.entrySet()) {
        for (Path input : in.getValue()) {
          if (same(file, input)) {
            throw new CliException(ExitCodes.USAGE, out.get(i).getKey() + " " + file + " is the same file as "
                + in.getKey() + " " + input + ": an input is never written over; nothing was read or written");
          }
        }
      }
      for (int j = 0; j < i; j++) {
        if (same(file, out.get(j).getValue())) {
          throw new CliException(ExitCodes.USAGE, out.get(i).getKey() + " " + file + " is the same file as "
              + out.get(j).getKey() + " " + out.get(j).getValue() + "; give each output its own file");
        }
      }
    }
    OutputFiles opened = new OutputFiles();
    try {
      for (Map.Entry<String, Path> e : out) {
        opened.files.put(e.getKey(), OutputFile.create(e.getKey(), e.getValue()));
      }
    } catch (RuntimeException e) {
      opened.close();
      throw e;
    }
    return opened;
  }

  /** The writer of an option's file, or null if that option was not given. */
  Writer writer(String option) {
    OutputFile f = files.get(option);
    return f == null ? null : f.writer();
  }

  /**
   * Moves every file into place, in the order given.
   *
   * @throws CliException with {@link ExitCodes#WRITE_FAILED} at the first that fails (the ones not
   *     yet moved are deleted by {@link #close()})
   */
  void commit() {
    for (OutputFile f : files.values()) {
      f.commit();
    }
  }

  /** Deletes every temporary file not committed. */
  @Override
  public void close() {
    files.values().forEach(OutputFile::close);
  }

  /**
   * Whether two paths name the same file: {@link Files#isSameFile} when both exist (links
   * followed; hard links are one file); otherwise the same real folder and name.
   */
  static boolean same(Path a, Path b) {
    try {
      if (Files.exists(a) && Files.exists(b)) {
        return Files.isSameFile(a, b);
      }
      return where(a).equals(where(b));
    } catch (IOException e) {
      return false; // one cannot be examined: reading or writing it reports it
    }
  }

  private static Path where(Path p) throws IOException {
    Path abs = p.toAbsolutePath().normalize();
    Path parent = abs.getParent();
    return parent != null && Files.isDirectory(parent) ? parent.toRealPath().resolve(abs.getFileName()) : abs;
  }
}
