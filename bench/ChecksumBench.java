import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.relengine.plan.ProducerKey;
import org.relengine.plan.spi.Producer;
import org.relengine.plan.spi.ProducerContext;
import org.relengine.steps.StepRegistry;

/**
 * Writes the CHECKSUM files of every *.iso in DIR as a compose does: each ISO's {@code <name>.CHECKSUM} by the
 * producer the unpack step's tasks write them with ({@code checksum}), then the directory's {@code CHECKSUM} by
 * the finalize step's producer ({@code CHECKSUM from the per-file .CHECKSUM files}), both looked up in
 * relengine's standard step registry as a run does; one ISO after another, as {@code sha256sum *.iso} goes.
 *   java -cp runtime/target/relengine.jar bench/ChecksumBench.java DIR
 */
public final class ChecksumBench {

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        StepRegistry registry = StepRegistry.standard();
        Producer file = producer(registry, "checksum");
        Producer merged = producer(registry, "CHECKSUM from the per-file .CHECKSUM files");
        ProducerContext context = new ProducerContext() {
            @Override
            public long timestamp() {
                return 0;
            }

            @Override
            public String finishedStatus(Path journal) {
                return "FINISHED";
            }
        };
        List<Path> isos;
        try (Stream<Path> files = Files.list(dir)) {
            isos = files.filter(f -> f.getFileName().toString().endsWith(".iso")).sorted().toList();
        }
        for (Path iso : isos) {
            Path out = dir.resolve(iso.getFileName() + ".CHECKSUM");
            Files.writeString(out, file.produce(Map.of("file", iso.toString()), out, context));
        }
        Path checksum = dir.resolve("CHECKSUM");
        Files.writeString(checksum, merged.produce(Map.of("dir", dir.toString()), checksum, context));
    }

    private static Producer producer(StepRegistry registry, String description) {
        ProducerKey key = registry.producer(description)
                .orElseThrow(() -> new IllegalStateException("no producer `" + description + "` in the registry"));
        return registry.producer(key);
    }
}
