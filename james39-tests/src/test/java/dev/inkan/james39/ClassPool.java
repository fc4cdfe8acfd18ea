package dev.inkan.james39;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * The classes of a set of jars plus the running JDK, read as class files (never loaded, so a class whose own
 * dependencies are absent can still be checked), and JVM-style member resolution over them (JVMS §5.4.3.2
 * fields, §5.4.3.3 class methods, §5.4.3.4 interface methods).
 */
final class ClassPool implements AutoCloseable {

    /** What resolution needs of one class. */
    record ClassInfo(String name, String superName, List<String> interfaces, Set<String> fields,
            Set<String> methods, String origin) {
    }

    private final List<ZipFile> jars = new ArrayList<>();
    private final Map<String, ZipFile> owners = new HashMap<>();
    private final FileSystem jrt = FileSystems.getFileSystem(URI.create("jrt:/"));
    private final Map<String, Path> jdkPackages = new HashMap<>();
    private final Map<String, Optional<ClassInfo>> cache = new HashMap<>();
    /** The interfaces among the classes read so far. */
    private final Set<String> interfaces = new HashSet<>();

    ClassPool(List<Path> jarFiles) throws IOException {
        for (Path jar : jarFiles) {
            ZipFile zip = new ZipFile(jar.toFile());
            jars.add(zip);
            zip.stream().map(ZipEntry::getName)
                    .filter(n -> n.endsWith(".class") && !n.startsWith("META-INF/"))
                    .forEach(n -> owners.putIfAbsent(n.substring(0, n.length() - 6), zip));
        }
        try (Stream<Path> modules = Files.list(jrt.getPath("/modules"))) {
            for (Path module : modules.toList()) {
                try (Stream<Path> all = Files.walk(module)) {
                    all.filter(Files::isDirectory).forEach(dir -> {
                        String pkg = module.relativize(dir).toString();
                        if (!pkg.isEmpty()) {
                            jdkPackages.putIfAbsent(pkg, dir);
                        }
                    });
                }
            }
        }
    }

    /** The classes of one jar (internal names), in entry order. */
    static List<String> classesOf(ZipFile zip) {
        return zip.stream().map(ZipEntry::getName)
                .filter(n -> n.endsWith(".class") && !n.startsWith("META-INF/") && !n.equals("module-info.class"))
                .map(n -> n.substring(0, n.length() - 6)).toList();
    }

    Optional<ClassInfo> find(String internalName) {
        return cache.computeIfAbsent(internalName, this::read);
    }

    /** The field's declaring class (JVMS §5.4.3.2), or empty when there is none or a class on the way is missing. */
    Optional<String> resolveField(String owner, String name, String desc) {
        return lookupField(owner, name + ":" + desc, new HashSet<>());
    }

    private Optional<String> lookupField(String owner, String key, Set<String> seen) {
        if (!seen.add(owner)) {
            return Optional.empty();
        }
        Optional<ClassInfo> info = find(owner);
        if (info.isEmpty()) {
            return Optional.empty();
        }
        if (info.get().fields().contains(key)) {
            return Optional.of(owner);
        }
        for (String itf : info.get().interfaces()) {
            Optional<String> found = lookupField(itf, key, seen);
            if (found.isPresent()) {
                return found;
            }
        }
        return info.get().superName() == null ? Optional.empty() : lookupField(info.get().superName(), key, seen);
    }

    /**
     * The method's declaring class: the class and its superclasses first, then every superinterface (JVMS
     * §5.4.3.3/§5.4.3.4), with the signature-polymorphic methods of MethodHandle and VarHandle (§2.9.3) matched
     * by name. Empty when there is none.
     */
    Optional<String> resolveMethod(String owner, String name, String desc) {
        String key = name + ":" + desc;
        for (String c = owner; c != null; ) {
            Optional<ClassInfo> info = find(c);
            if (info.isEmpty()) {
                return Optional.empty();
            }
            if (info.get().methods().contains(key)
                    || (isPolymorphicOwner(c) && info.get().methods().contains(name + ":([Ljava/lang/Object;)Ljava/lang/Object;"))) {
                return Optional.of(c);
            }
            c = info.get().superName();
        }
        return lookupInInterfaces(owner, key, new HashSet<>());
    }

    private Optional<String> lookupInInterfaces(String type, String key, Set<String> seen) {
        Optional<ClassInfo> info = find(type);
        if (info.isEmpty()) {
            return Optional.empty();
        }
        List<String> parents = new ArrayList<>(info.get().interfaces());
        if (info.get().superName() != null) {
            parents.add(info.get().superName());
        }
        for (String parent : parents) {
            if (!seen.add(parent)) {
                continue;
            }
            Optional<ClassInfo> p = find(parent);
            if (p.isPresent() && isInterface(p.get()) && p.get().methods().contains(key)) {
                return Optional.of(parent);
            }
            Optional<String> deeper = lookupInInterfaces(parent, key, seen);
            if (deeper.isPresent()) {
                return deeper;
            }
        }
        return Optional.empty();
    }

    /** The first class on the superclass/superinterface chain of {@code type} that is not in the pool. */
    Optional<String> firstMissingAncestor(String type) {
        Map<String, Boolean> seen = new LinkedHashMap<>();
        List<String> todo = new ArrayList<>(List.of(type));
        while (!todo.isEmpty()) {
            String c = todo.remove(0);
            if (seen.put(c, true) != null) {
                continue;
            }
            Optional<ClassInfo> info = find(c);
            if (info.isEmpty()) {
                return Optional.of(c);
            }
            todo.addAll(info.get().interfaces());
            if (info.get().superName() != null) {
                todo.add(info.get().superName());
            }
        }
        return Optional.empty();
    }

    private static boolean isPolymorphicOwner(String owner) {
        return owner.equals("java/lang/invoke/MethodHandle") || owner.equals("java/lang/invoke/VarHandle");
    }

    private boolean isInterface(ClassInfo info) {
        return interfaces.contains(info.name());
    }

    private Optional<ClassInfo> read(String internalName) {
        try {
            ZipFile zip = owners.get(internalName);
            if (zip != null) {
                try (InputStream in = zip.getInputStream(zip.getEntry(internalName + ".class"))) {
                    return Optional.of(parse(in.readAllBytes(), zip.getName()));
                }
            }
            int slash = internalName.lastIndexOf('/');
            Path dir = slash < 0 ? null : jdkPackages.get(internalName.substring(0, slash));
            if (dir != null) {
                Path file = dir.resolve(internalName.substring(slash + 1) + ".class");
                if (Files.exists(file)) {
                    return Optional.of(parse(Files.readAllBytes(file), "JDK " + Runtime.version().feature()));
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private ClassInfo parse(byte[] bytes, String origin) {
        Set<String> fields = new HashSet<>();
        Set<String> methods = new HashSet<>();
        ClassInfo[] out = new ClassInfo[1];
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
            String name;
            String superName;
            List<String> itfs;

            @Override
            public void visit(int version, int access, String n, String signature, String s, String[] i) {
                name = n;
                superName = s;
                itfs = i == null ? List.of() : List.of(i);
                if ((access & Opcodes.ACC_INTERFACE) != 0) {
                    interfaces.add(n);
                }
            }

            @Override
            public FieldVisitor visitField(int access, String n, String desc, String signature, Object value) {
                fields.add(n + ":" + desc);
                return null;
            }

            @Override
            public MethodVisitor visitMethod(int access, String n, String desc, String signature, String[] exceptions) {
                methods.add(n + ":" + desc);
                return null;
            }

            @Override
            public void visitEnd() {
                out[0] = new ClassInfo(name, superName, itfs, fields, methods, origin);
            }
        }, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return out[0];
    }

    @Override
    public void close() throws IOException {
        for (ZipFile zip : jars) {
            zip.close();
        }
    }
}
