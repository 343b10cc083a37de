package org.relengine.store;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * An S3 server on loopback (S3Proxy) answering anonymous requests: its buckets directories under a root (jclouds'
 * filesystem backend), for the specs, which reach behind its back; or held in memory (jclouds' transient backend),
 * for the demo, whose bucket is filled from its fixtures each time and so needs no disk of its own.
 */
public final class LoopbackS3 implements AutoCloseable {

    private final S3Proxy proxy;
    private final BlobStoreContext context;
    private final Path root;

    private LoopbackS3(S3Proxy proxy, BlobStoreContext context, Path root) {
        this.proxy = proxy;
        this.context = context;
        this.root = root;
    }

    /**
     * Starts a server whose buckets are the directories of {@code root}, with {@code bucket} made if missing.
     *
     * @param port the port to listen on, 0 for any
     */
    public static LoopbackS3 start(Path root, String bucket, int port) throws IOException {
        Path base = root.toAbsolutePath().normalize();
        Files.createDirectories(base.resolve(bucket));
        Properties properties = new Properties();
        properties.setProperty("jclouds.filesystem.basedir", base.toString());
        return start(ContextBuilder.newBuilder(new org.jclouds.filesystem.FilesystemApiMetadata()).overrides(properties)
                .buildView(BlobStoreContext.class), base, port);
    }

    /** Starts a server whose buckets live in this process's memory, with {@code bucket} made. */
    public static LoopbackS3 inMemory(String bucket, int port) throws IOException {
        BlobStoreContext context = ContextBuilder.newBuilder(new org.jclouds.blobstore.TransientApiMetadata())
                .buildView(BlobStoreContext.class);
        context.getBlobStore().createContainerInLocation(null, bucket);
        return start(context, null, port);
    }

    private static LoopbackS3 start(BlobStoreContext context, Path base, int port) throws IOException {
        // S3Proxy logs each request header it does not know as an error; the store copes with those answers itself
        org.slf4j.Logger handler = org.slf4j.LoggerFactory.getLogger("org.gaul.s3proxy");
        if (handler instanceof ch.qos.logback.classic.Logger logger) {
            logger.setLevel(ch.qos.logback.classic.Level.OFF);
        }
        S3Proxy proxy = S3Proxy.builder().blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:" + port))
                .awsAuthentication(AuthenticationType.NONE, null, null)
                .build();
        try {
            proxy.start();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!AbstractLifeCycle.STARTED.equals(proxy.getState())) {
                if (AbstractLifeCycle.FAILED.equals(proxy.getState()) || System.nanoTime() > deadline) {
                    throw new IOException("the S3 server on loopback port " + port + " did not start ("
                            + proxy.getState() + ")");
                }
                Thread.sleep(10);
            }
        } catch (IOException e) {
            context.close();
            throw e;
        } catch (Exception e) {
            context.close();
            throw new IOException("the S3 server on loopback port " + port + " did not start: " + e.getMessage(), e);
        }
        return new LoopbackS3(proxy, context, base);
    }

    public int port() {
        return proxy.getPort();
    }

    /** {@code http://127.0.0.1:<port>}: the endpoint of {@code artifacts}, with {@code pathStyle: true}. */
    public String endpoint() {
        return "http://127.0.0.1:" + port();
    }

    /** The directory that holds a bucket's objects, each key a path under it; null for buckets in memory. */
    public Path bucketDirectory(String bucket) {
        return root == null ? null : root.resolve(bucket);
    }

    @Override
    public void close() {
        try {
            proxy.stop();
        } catch (Exception e) {
            // stopping a loopback server that is going away anyway
        } finally {
            context.close();
        }
    }
}
