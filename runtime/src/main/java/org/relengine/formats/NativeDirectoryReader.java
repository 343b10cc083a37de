package org.relengine.formats;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads directories the way {@code find} does, through the JDK's own system-call layer: open the directory,
 * {@code readdir} it, and {@code fstatat} each name relative to the directory's descriptor, into one reused
 * attributes object that carries mtime and ctime together. The public API resolves every absolute path again,
 * allocates several objects per entry and has no ctime; this costs one system call per entry and nothing else.
 *
 * <p>It needs {@code --add-opens java.base/sun.nio.fs=ALL-UNNAMED} (the launcher's file-list path and the specs
 * pass it); {@link #ifOpened()} says whether it can be used.
 */
final class NativeDirectoryReader implements DirectoryReader<byte[]> {

    private static final int AT_FDCWD = -100;
    private static final int O_RDONLY = 0;
    private static final int O_DIRECTORY = 0200000;
    private static final int O_CLOEXEC = 02000000;
    private static final int AT_SYMLINK_NOFOLLOW = 0x100;
    private static final int TYPE_MASK = 0170000;
    private static final int DIRECTORY = 0040000;
    private static final int LINK = 0120000;

    /** The JDK's internals, found once; all null where the module is not opened to us. */
    private static final class Jdk {
        static final MethodHandle OPENAT;
        static final MethodHandle FDOPENDIR;
        static final MethodHandle READDIR;
        static final MethodHandle CLOSEDIR;
        static final MethodHandle CLOSE;
        static final MethodHandle FSTATAT;
        static final MethodHandle NEW_ATTRIBUTES;
        static final MethodHandle MODE;
        static final MethodHandle SIZE;
        static final MethodHandle MTIME;
        static final MethodHandle MTIME_NSEC;
        static final MethodHandle CTIME;
        static final MethodHandle CTIME_NSEC;
        static final MethodHandle PATH_BYTES;
        static final MethodHandle TO_IO_EXCEPTION;

        static {
            MethodHandle[] found = find();
            OPENAT = found[0];
            FDOPENDIR = found[1];
            READDIR = found[2];
            CLOSEDIR = found[3];
            CLOSE = found[4];
            FSTATAT = found[5];
            NEW_ATTRIBUTES = found[6];
            MODE = found[7];
            SIZE = found[8];
            MTIME = found[9];
            MTIME_NSEC = found[10];
            CTIME = found[11];
            CTIME_NSEC = found[12];
            PATH_BYTES = found[13];
            TO_IO_EXCEPTION = found[14];
        }

        private static MethodHandle[] find() {
            try {
                Class<?> dispatcher = Class.forName("sun.nio.fs.UnixNativeDispatcher");
                Class<?> attributes = Class.forName("sun.nio.fs.UnixFileAttributes");
                Class<?> path = Class.forName("sun.nio.fs.UnixPath");
                Class<?> exception = Class.forName("sun.nio.fs.UnixException");
                MethodHandles.Lookup d = MethodHandles.privateLookupIn(dispatcher, MethodHandles.lookup());
                MethodHandles.Lookup a = MethodHandles.privateLookupIn(attributes, MethodHandles.lookup());
                MethodHandles.Lookup p = MethodHandles.privateLookupIn(path, MethodHandles.lookup());
                MethodHandles.Lookup e = MethodHandles.privateLookupIn(exception, MethodHandles.lookup());
                MethodType asObject = MethodType.methodType(Object.class);
                return new MethodHandle[] {
                    d.findStatic(dispatcher, "openat", MethodType.methodType(int.class, int.class, byte[].class, int.class, int.class)),
                    d.findStatic(dispatcher, "fdopendir", MethodType.methodType(long.class, int.class)),
                    d.findStatic(dispatcher, "readdir", MethodType.methodType(byte[].class, long.class)),
                    d.findStatic(dispatcher, "closedir", MethodType.methodType(void.class, long.class)),
                    d.findStatic(dispatcher, "close", MethodType.methodType(void.class, int.class)),
                    d.findStatic(dispatcher, "fstatat", MethodType.methodType(void.class, int.class, byte[].class, int.class, attributes))
                            .asType(MethodType.methodType(void.class, int.class, byte[].class, int.class, Object.class)),
                    a.findConstructor(attributes, MethodType.methodType(void.class)).asType(asObject),
                    getter(a, attributes, "st_mode", int.class),
                    getter(a, attributes, "st_size", long.class),
                    getter(a, attributes, "st_mtime_sec", long.class),
                    getter(a, attributes, "st_mtime_nsec", long.class),
                    getter(a, attributes, "st_ctime_sec", long.class),
                    getter(a, attributes, "st_ctime_nsec", long.class),
                    p.findVirtual(path, "getByteArrayForSysCalls", MethodType.methodType(byte[].class))
                            .asType(MethodType.methodType(byte[].class, Path.class)),
                    e.findVirtual(exception, "translateToIOException",
                            MethodType.methodType(IOException.class, String.class, String.class))
                            .asType(MethodType.methodType(IOException.class, Throwable.class, String.class, String.class)),
                };
            } catch (ReflectiveOperationException | RuntimeException e) {
                return new MethodHandle[15];
            }
        }

        private static MethodHandle getter(MethodHandles.Lookup lookup, Class<?> type, String field, Class<?> of)
                throws ReflectiveOperationException {
            MethodHandle getter = lookup.findGetter(type, field, of);
            return getter.asType(getter.type().changeParameterType(0, Object.class));
        }
    }

    private NativeDirectoryReader() {
    }

    /** The reader, or null where the runtime does not let us reach its internals. */
    static NativeDirectoryReader ifOpened() {
        return Jdk.TO_IO_EXCEPTION == null ? null : new NativeDirectoryReader();
    }

    @Override
    public byte[] root(Path root) throws IOException {
        try {
            return (byte[]) Jdk.PATH_BYTES.invokeExact(root);
        } catch (Throwable e) {
            throw rethrown(e, root.toString());
        }
    }

    @Override
    public byte[] child(byte[] parent, byte[] name) {
        byte[] child = Arrays.copyOf(parent, parent.length + 1 + name.length);
        child[parent.length] = '/';
        System.arraycopy(name, 0, child, parent.length + 1, name.length);
        return child;
    }

    @Override
    public void read(byte[] dir, ListedDirectory into) throws IOException {
        try {
            int fd = (int) Jdk.OPENAT.invokeExact(AT_FDCWD, dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
            long stream;
            try {
                stream = (long) Jdk.FDOPENDIR.invokeExact(fd);
            } catch (Throwable e) {
                Jdk.CLOSE.invokeExact(fd);
                throw e;
            }
            try {
                readEntries(dir, fd, stream, into);
            } finally {
                Jdk.CLOSEDIR.invokeExact(stream);   // closes fd too
            }
        } catch (Throwable e) {
            throw rethrown(e, new String(dir));
        }
    }

    private void readEntries(byte[] dir, int fd, long stream, ListedDirectory into) throws Throwable {
        Object attributes = (Object) Jdk.NEW_ATTRIBUTES.invokeExact();
        byte[] name;
        while ((name = (byte[]) Jdk.READDIR.invokeExact(stream)) != null) {
            if (isSelfOrParent(name)) {
                continue;
            }
            try {
                Jdk.FSTATAT.invokeExact(fd, name, AT_SYMLINK_NOFOLLOW, attributes);
            } catch (Throwable e) {
                throw rethrown(e, new String(child(dir, name)));   // gone or unreadable since readdir
            }
            int type = (int) Jdk.MODE.invokeExact(attributes) & TYPE_MASK;
            long mtime = DirectoryReader.seconds((long) Jdk.MTIME.invokeExact(attributes),
                    (long) Jdk.MTIME_NSEC.invokeExact(attributes));
            long ctime = DirectoryReader.seconds((long) Jdk.CTIME.invokeExact(attributes),
                    (long) Jdk.CTIME_NSEC.invokeExact(attributes));
            into.add(name, DirectoryReader.type(type == LINK, type == DIRECTORY), (long) Jdk.SIZE.invokeExact(attributes),
                    Math.max(mtime, ctime));
        }
    }

    private static boolean isSelfOrParent(byte[] name) {
        return name[0] == '.' && (name.length == 1 || name.length == 2 && name[1] == '.');
    }

    /** The JDK's system-call errors as the public API reports them (NoSuchFileException, AccessDeniedException…). */
    private static IOException rethrown(Throwable e, String file) {
        if (e instanceof IOException io) {
            return io;
        }
        if (e instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (e instanceof Error error) {
            throw error;
        }
        try {
            return (IOException) Jdk.TO_IO_EXCEPTION.invokeExact(e, file, (String) null);
        } catch (Throwable translation) {
            return new IOException(file + ": " + e, e);
        }
    }
}
