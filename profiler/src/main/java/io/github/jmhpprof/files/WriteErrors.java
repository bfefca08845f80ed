package io.github.jmhpprof.files;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * A failed write said in words: the path and the reason. The JDK's own messages for some file
 * errors are the bare path ({@code NoSuchFileException: /x/y}), which does not say what went wrong.
 */
public final class WriteErrors {

    private WriteErrors() {}

    public static String describe(Exception e) {
        if (e instanceof UncheckedIOException u) {
            return describe(u.getCause());
        }
        if (e instanceof FileSystemException f) {
            String path = f.getOtherFile() == null ? f.getFile() : f.getFile() + " -> " + f.getOtherFile();
            return path + ": " + reason(f);
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    private static String reason(FileSystemException f) {
        if (f.getReason() != null) {
            return f.getReason();
        }
        if (f instanceof NoSuchFileException) {
            return "no such file or directory (was the folder removed while the benchmark ran?)";
        }
        if (f instanceof FileAlreadyExistsException) {
            return "a file is in the way where a folder should be";
        }
        if (f instanceof NotDirectoryException) {
            return "not a directory";
        }
        if (f instanceof AccessDeniedException) {
            return "permission denied";
        }
        return f.getClass().getSimpleName();
    }
}
