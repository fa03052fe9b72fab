package dev.pgaks.cli;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Waits for saved changes of a few files. Their directories are watched, not the files: an editor that saves by
 * writing a new file and renaming it over the old one replaces the file a per-file watch would hold.
 */
final class FileWatch implements AutoCloseable {

    /**
     * How long the files must stay untouched before a change counts as saved: an editor's save is several events
     * (truncate, write, rename) within a millisecond or two, and a render should see the file complete.
     */
    static final long QUIET_MILLIS = 10;

    private final WatchService service;
    private final Set<Path> files = new HashSet<>();

    FileWatch(List<Path> watched) throws IOException {
        service = FileSystems.getDefault().newWatchService();
        Set<Path> directories = new HashSet<>();
        for (Path file : watched) {
            Path absolute = file.toAbsolutePath().normalize();
            files.add(absolute);
            if (directories.add(absolute.getParent())) {
                absolute.getParent().register(service, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
            }
        }
    }

    /** Blocks until a watched file changed and then stayed quiet; false once the watch is closed. */
    boolean awaitChange() throws InterruptedException {
        try {
            WatchKey key = service.take();
            boolean changed = relevant(key);
            while ((key = service.poll(QUIET_MILLIS, TimeUnit.MILLISECONDS)) != null || !changed) {
                if (key == null) {
                    key = service.take();
                }
                changed |= relevant(key);
            }
            return true;
        } catch (ClosedWatchServiceException e) {
            return false;
        }
    }

    private boolean relevant(WatchKey key) {
        Path directory = (Path) key.watchable();
        boolean relevant = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW
                    || files.contains(directory.resolve((Path) event.context()).toAbsolutePath().normalize())) {
                relevant = true;
            }
        }
        key.reset();
        return relevant;
    }

    @Override
    public void close() throws IOException {
        service.close();
    }
}
