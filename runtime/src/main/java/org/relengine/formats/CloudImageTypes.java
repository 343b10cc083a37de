package org.relengine.formats;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The productmd {@code type} and {@code format} of a cloud or container image, from the file format a
 * recipe gives it. productmd accepts only the pairs of its IMAGE_TYPE_FORMAT_MAPPING (productmd/images.py),
 * and Pungi takes the type from the file's suffix the same way (EXTENSIONS in pungi/phases/image_build.py).
 * A Vagrant box is the exception: productmd's format names the provider ({@code vagrant-libvirt.box}), so
 * the type comes from the variant (Rocky's Vagrant-Libvirt, Vagrant-Vbox, Vagrant-VMware), not the suffix.
 */
public final class CloudImageTypes {

    public record TypeAndFormat(String type, String format) {
    }

    private static final Map<String, TypeAndFormat> BY_FORMAT = Map.ofEntries(
            same("qcow2"), same("qcow"), same("raw"), same("vmdk"), same("vdi"), same("appx"), same("ociarchive"),
            Map.entry("raw.xz", new TypeAndFormat("raw-xz", "raw.xz")),
            Map.entry("vhd", new TypeAndFormat("vpc", "vhd")),
            Map.entry("vhd.xz", new TypeAndFormat("vhd-compressed", "vhd.xz")),
            Map.entry("vhd.gz", new TypeAndFormat("vhd-compressed", "vhd.gz")),
            // Rocky's container images are OCI archives (kiwi's oci type), compressed
            Map.entry("tar.xz", new TypeAndFormat("container", "tar.xz")),
            Map.entry("oci", new TypeAndFormat("container", "oci")),
            Map.entry("wsl", new TypeAndFormat("wsl2", "wsl")),
            Map.entry("rhevm.ova", new TypeAndFormat("rhevm-ova", "rhevm.ova")),
            Map.entry("vsphere.ova", new TypeAndFormat("vsphere-ova", "vsphere.ova")));

    /** Vagrant provider, as a Rocky variant names it in lower case → productmd's box type. */
    private static final Map<String, String> BOX_PROVIDERS = Map.of(
            "libvirt", "vagrant-libvirt",
            "vbox", "vagrant-virtualbox",
            "virtualbox", "vagrant-virtualbox",
            "vmware", "vagrant-vmware-fusion",
            "hyperv", "vagrant-hyperv");

    private CloudImageTypes() {
    }

    private static Map.Entry<String, TypeAndFormat> same(String format) {
        return Map.entry(format, new TypeAndFormat(format, format));
    }

    /** Empty when productmd has no type for the format (or, for a box, for the variant's provider). */
    public static Optional<TypeAndFormat> of(String format, String variant) {
        if (format.equals("box")) {
            return Optional.ofNullable(BOX_PROVIDERS.get(variant.toLowerCase(Locale.ROOT)))
                    .map(type -> new TypeAndFormat(type, type + ".box"));
        }
        return Optional.ofNullable(BY_FORMAT.get(format));
    }

    /** What a recipe may write, for a refusal's hint. */
    public static List<String> formats() {
        TreeSet<String> formats = new TreeSet<>(BY_FORMAT.keySet());
        formats.add("box");
        return List.copyOf(formats);
    }

    public static List<String> boxVariants() {
        return List.copyOf(new TreeSet<>(BOX_PROVIDERS.keySet()));
    }
}
