package org.relengine.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.relengine.formats.Checksums;
import org.relengine.plan.spi.TaskFailure;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Results in an S3 bucket, through the AWS SDK: listed with the ListObjectsV2 paginator, uploaded with their SHA-256
 * (as S3's checksum, and in the object's metadata for servers that keep no checksums), downloaded into a
 * {@code .part} file that a later run resumes with a ranged request, and verified against that SHA-256 before they
 * are used. Credentials come from the SDK's default provider chain (environment, profiles, web identity, container
 * and instance roles); when it finds none, requests go anonymously, as public buckets allow.
 */
public final class S3Store implements ArtifactStore {

    /** The metadata that carries a result's SHA-256 (hex), for servers that do not keep S3's checksums. */
    static final String SHA256_METADATA = "sha256";

    private static final Map<ArtifactStore.Location, S3Store> OPEN = new ConcurrentHashMap<>();

    private static volatile AwsCredentialsProvider credentials;

    private final ArtifactStore.Location location;
    private final S3Client client;

    /** False once the server answered that it keeps no S3 checksums: later uploads do not ask again. */
    private volatile boolean checksums = true;

    private S3Store(ArtifactStore.Location location) {
        this.location = location;
        var builder = S3Client.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(Duration.ofSeconds(30))
                        .socketTimeout(Duration.ofMinutes(2)))
                .region(Region.of(location.region() != null ? location.region() : "us-east-1"))
                .credentialsProvider(credentials())
                .forcePathStyle(location.pathStyle())
                // checksums are sent as given (the SHA-256 of each upload), not computed into chunked trailers
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_SUPPORTED);
        if (location.endpoint() != null) {
            builder.endpointOverride(URI.create(location.endpoint()));
        } else {
            builder.crossRegionAccessEnabled(true);
        }
        this.client = builder.build();
    }

    /** The store of a bucket, one client per location for the life of the process. */
    public static S3Store of(ArtifactStore.Location location) {
        return OPEN.computeIfAbsent(location, S3Store::new);
    }

    /** The default chain when it finds credentials, else anonymous requests; decided once per process. */
    static AwsCredentialsProvider credentials() {
        AwsCredentialsProvider found = credentials;
        if (found == null) {
            synchronized (S3Store.class) {
                if (credentials == null) {
                    DefaultCredentialsProvider chain = DefaultCredentialsProvider.builder().build();
                    try {
                        chain.resolveCredentials();
                        credentials = chain;
                    } catch (SdkClientException e) {
                        credentials = AnonymousCredentialsProvider.create();
                    }
                }
                found = credentials;
            }
        }
        return found;
    }

    /** Whether requests go without credentials (the default chain found none). */
    public static boolean anonymous() {
        return credentials() instanceof AnonymousCredentialsProvider;
    }

    @Override
    public String where(String key) {
        return location.where(key);
    }

    @Override
    public List<String> list(String prefix) {
        try {
            return client.listObjectsV2Paginator(r -> r.bucket(location.bucket()).prefix(prefix)).contents().stream()
                    .map(S3Object::key).filter(k -> !k.endsWith("/")).toList();
        } catch (NoSuchBucketException e) {
            throw new TaskFailure("the bucket " + location.display() + " does not exist" + at(), e);
        } catch (SdkException e) {
            throw new TaskFailure("listing " + where(prefix) + " failed" + at() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void put(Path file, String key, PrintWriter log) throws IOException {
        String sha256 = Checksums.sha256(file);
        try {
            try {
                if (!checksums) {
                    throw S3Exception.builder().statusCode(501).message("no S3 checksums").build();
                }
                client.putObject(r -> r.bucket(location.bucket()).key(key).checksumAlgorithm(ChecksumAlgorithm.SHA256)
                        .checksumSHA256(Base64.getEncoder().encodeToString(HexFormat.of().parseHex(sha256)))
                        .metadata(Map.of(SHA256_METADATA, sha256)), RequestBody.fromFile(file));
            } catch (S3Exception | software.amazon.awssdk.core.exception.SdkClientException e) {
                if (e instanceof S3Exception s3 && s3.statusCode() != 501) {
                    throw e;
                }
                // a server that keeps no S3 checksums (S3Proxy) answers 501, or, while the body is still on its way,
                // closes the connection: the SHA-256 is then kept in the metadata alone (a real failure fails again)
                checksums = false;
                log.println(location.display() + " keeps no S3 checksums: the SHA-256 goes into the object's "
                        + "metadata only");
                client.putObject(r -> r.bucket(location.bucket()).key(key).metadata(Map.of(SHA256_METADATA, sha256)),
                        RequestBody.fromFile(file));
            }
        } catch (SdkException e) {
            throw new TaskFailure("uploading " + file + " to " + where(key) + " failed" + at() + ": " + e.getMessage(),
                    e);
        }
        log.println("uploaded " + file + " to " + where(key) + " (sha256 " + sha256 + ")");
    }

    @Override
    public void fetch(String key, Path to, PrintWriter log) throws IOException {
        Files.createDirectories(to.toAbsolutePath().getParent());
        HeadObjectResponse head = head(key);
        long size = head.contentLength();
        String expected = sha256(head);
        if (expected == null) {
            log.println("no SHA-256 is stored with " + where(key) + ": only its size is checked");
        }
        if (Files.isRegularFile(to) && Files.size(to) == size && expected != null
                && Checksums.sha256(to).equals(expected)) {
            log.println(to + " is already complete (" + size + " bytes, sha256 " + expected + "): not downloaded again");
            return;
        }
        Path partial = to.resolveSibling(to.getFileName() + ".part");
        long have = Files.isRegularFile(partial) ? Files.size(partial) : 0;
        if (have > size) {
            Files.delete(partial);
            have = 0;
        }
        if (have > 0 && have < size) {
            log.println("resuming " + where(key) + " at byte " + have + " of " + size);
            log.flush();
            if (!download(key, partial, have, head.eTag())) {
                log.println(where(key) + " changed since " + partial + " was begun: downloading it whole");
                download(key, partial, 0, null);
            }
        } else if (have != size) {
            download(key, partial, 0, null);
        }
        long got = Files.size(partial);
        if (got != size) {
            Files.delete(partial);
            throw new TaskFailure("downloading " + where(key) + " ended at " + got + " of its " + size + " bytes");
        }
        if (expected != null) {
            String actual = Checksums.sha256(partial);
            if (!actual.equals(expected)) {
                Files.delete(partial);
                throw corrupt(key, "its content has the SHA-256 " + actual + ", not the " + expected
                        + " stored with it");
            }
        }
        Files.move(partial, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        log.println("downloaded " + where(key) + " (" + size + " bytes" + (expected == null ? ""
                : ", sha256 " + expected + " verified") + ")");
    }

    private HeadObjectResponse head(String key) {
        try {
            return client.headObject(r -> r.bucket(location.bucket()).key(key).checksumMode(ChecksumMode.ENABLED));
        } catch (NoSuchKeyException e) {
            throw new TaskFailure("there is no " + where(key) + at(), e);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw new TaskFailure("there is no " + where(key) + at(), e);
            }
            throw new TaskFailure("reading " + where(key) + " failed" + at() + ": " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new TaskFailure("reading " + where(key) + " failed" + at() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Downloads {@code key} into {@code partial}, from byte {@code from} on (appending) when it is above 0.
     *
     * @param eTag the object's entity tag when resuming: a changed object is not appended to what was begun
     * @return false when the object changed since (its entity tag no longer matches)
     */
    private boolean download(String key, Path partial, long from, String eTag) throws IOException {
        GetObjectRequest.Builder request = GetObjectRequest.builder().bucket(location.bucket()).key(key);
        if (from > 0) {
            request.range("bytes=" + from + "-").ifMatch(eTag);
        } else {
            request.checksumMode(ChecksumMode.ENABLED);
        }
        StandardOpenOption[] mode = from > 0
                ? new StandardOpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE}
                : new StandardOpenOption[] {StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE};
        try (InputStream in = client.getObject(request.build()); OutputStream out = Files.newOutputStream(partial, mode)) {
            in.transferTo(out);
            return true;
        } catch (S3Exception e) {
            if (from > 0 && e.statusCode() == 412) {
                Files.deleteIfExists(partial);
                return false;
            }
            throw new TaskFailure("downloading " + where(key) + " failed" + at() + ": " + e.getMessage(), e);
        } catch (SdkClientException e) {
            if (String.valueOf(e.getMessage()).toLowerCase(java.util.Locale.ROOT).contains("checksum")) {
                Files.deleteIfExists(partial);
                throw corrupt(key, "its content does not match the checksum stored with it (" + e.getMessage() + ")");
            }
            throw new TaskFailure("downloading " + where(key) + " failed" + at() + ": " + e.getMessage(), e);
        }
    }

    private TaskFailure corrupt(String key, String why) {
        return new TaskFailure("refusing " + where(key) + ": " + why + "; the object is corrupt (nothing of it is kept)");
    }

    /** The SHA-256 (hex) stored with an object: S3's own full-object checksum, else the one in its metadata. */
    private static String sha256(HeadObjectResponse head) {
        String checksum = head.checksumSHA256();
        if (checksum != null && !checksum.contains("-")) {
            try {
                byte[] digest = Base64.getDecoder().decode(checksum);
                if (digest.length == 32) {
                    return HexFormat.of().formatHex(digest);
                }
            } catch (IllegalArgumentException e) {
                // not a whole-object digest: fall back to the metadata
            }
        }
        String meta = head.metadata().get(SHA256_METADATA);
        return meta != null && meta.matches("[0-9a-f]{64}") ? meta : null;
    }

    private String at() {
        return location.endpoint() == null ? "" : " (at " + location.endpoint() + ")";
    }
}
