package dev.inkan.james39;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipFile;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Checks that every class, field and method a jar references exists in a class pool, the way the JVM would
 * link it (without loading anything). References into packages whose jars are known not to be available are
 * set aside as unchecked, with the reason, instead of passing or failing.
 */
final class LinkCheck {

    /** One reference made by a class of the jar. */
    record Ref(String from, String owner, String name, String desc, boolean field) {

        String member() {
            return owner + (name == null ? "" : (field ? "." : "::") + name + (field ? " " : "") + desc);
        }
    }

    /**
     * What the check found: how many classes were read, how many distinct classes and members they reference;
     * every map is keyed by the reference text, valued by the classes making it.
     */
    record Report(int classes, int classRefs, int memberRefs, Map<String, Set<String>> missing,
            Map<String, Set<String>> unchecked) {

        String summary() {
            StringBuilder out = new StringBuilder();
            out.append(classes).append(" classes; ").append(classRefs).append(" referenced classes and ")
                    .append(memberRefs).append(" referenced fields/methods checked, ").append(missing.size())
                    .append(" missing, ").append(unchecked.size()).append(" not checkable\n");
            missing.forEach((ref, from) -> out.append("  MISSING ").append(ref).append("  (from ").append(from).append(")\n"));
            unchecked.forEach((ref, from) -> out.append("  not checked: ").append(ref).append("  (from ").append(from).append(")\n"));
            return out.toString();
        }
    }

    private final ClassPool pool;
    /** Package prefix (internal form) to why its classes cannot be checked. */
    private final Map<String, String> notAvailable;

    LinkCheck(ClassPool pool, Map<String, String> notAvailable) {
        this.pool = pool;
        this.notAvailable = notAvailable;
    }

    /** Checks the classes of {@code jar} whose names start with {@code ownPackage} (e.g. "dev/inkan/"). */
    Report check(Path jar, String ownPackage) throws IOException {
        Set<Ref> refs = new TreeSet<>((a, b) -> (a.from() + a.member()).compareTo(b.from() + b.member()));
        int classes;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<String> names = ClassPool.classesOf(zip).stream().filter(n -> n.startsWith(ownPackage)).toList();
            classes = names.size();
            for (String name : names) {
                try (InputStream in = zip.getInputStream(zip.getEntry(name + ".class"))) {
                    collect(in.readAllBytes(), refs);
                }
            }
        }
        Map<String, Set<String>> missing = new TreeMap<>();
        Map<String, Set<String>> unchecked = new TreeMap<>();
        Set<String> classRefs = new TreeSet<>();
        Set<String> memberRefs = new TreeSet<>();
        for (Ref ref : refs) {
            String owner = ref.owner();
            (ref.name() == null ? classRefs : memberRefs).add(ref.member());
            Optional<String> gap = pool.find(owner).isEmpty() ? Optional.of(owner) : Optional.empty();
            if (gap.isEmpty() && ref.name() != null) {
                Optional<String> declared = ref.field() ? pool.resolveField(owner, ref.name(), ref.desc())
                        : pool.resolveMethod(owner, ref.name(), ref.desc());
                if (declared.isPresent()) {
                    continue;
                }
                gap = pool.firstMissingAncestor(owner);
                if (gap.isEmpty()) {
                    missing.computeIfAbsent(ref.member(), k -> new TreeSet<>()).add(ref.from());
                    continue;
                }
            }
            if (gap.isEmpty()) {
                continue;
            }
            String missingClass = gap.get();
            Optional<String> reason = notAvailable.entrySet().stream()
                    .filter(e -> missingClass.startsWith(e.getKey())).map(Map.Entry::getValue).findFirst();
            String text = ref.member() + (missingClass.equals(owner) ? "" : " (needs " + missingClass + ")");
            if (reason.isPresent()) {
                unchecked.computeIfAbsent(text + " — " + reason.get(), k -> new TreeSet<>()).add(ref.from());
            } else {
                missing.computeIfAbsent(text, k -> new TreeSet<>()).add(ref.from());
            }
        }
        return new Report(classes, classRefs.size(), memberRefs.size(), missing, unchecked);
    }

    /** Every class, field and method reference of one class file (annotations aside: the JVM does not link them). */
    private static void collect(byte[] bytes, Set<Ref> refs) {
        new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
            String self;

            void type(Type t) {
                while (t.getSort() == Type.ARRAY) {
                    t = t.getElementType();
                }
                if (t.getSort() == Type.OBJECT) {
                    refs.add(new Ref(self, t.getInternalName(), null, null, false));
                } else if (t.getSort() == Type.METHOD) {
                    type(t.getReturnType());
                    for (Type a : t.getArgumentTypes()) {
                        type(a);
                    }
                }
            }

            void internal(String name) {
                type(name.startsWith("[") ? Type.getType(name) : Type.getObjectType(name));
            }

            void member(String owner, String name, String desc, boolean field) {
                internal(owner);
                type(Type.getType(desc));
                // an array's members (clone, length aside) are Object's
                refs.add(new Ref(self, owner.startsWith("[") ? "java/lang/Object" : owner, name, desc, field));
            }

            void constant(Object value) {
                if (value instanceof Type t) {
                    type(t);
                } else if (value instanceof Handle h) {
                    boolean field = h.getTag() <= Opcodes.H_PUTSTATIC;
                    member(h.getOwner(), h.getName(), h.getDesc(), field);
                }
            }

            @Override
            public void visit(int version, int access, String name, String signature, String superName, String[] itfs) {
                self = name;
                if (superName != null) {
                    internal(superName);
                }
                for (String i : itfs == null ? new String[0] : itfs) {
                    internal(i);
                }
            }

            @Override
            public FieldVisitor visitField(int access, String name, String desc, String signature, Object value) {
                type(Type.getType(desc));
                return null;
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String desc, String signature, String[] exceptions) {
                type(Type.getMethodType(desc));
                for (String e : exceptions == null ? new String[0] : exceptions) {
                    internal(e);
                }
                return new MethodVisitor(Opcodes.ASM9) {
                    @Override
                    public void visitTypeInsn(int opcode, String type) {
                        internal(type);
                    }

                    @Override
                    public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
                        member(owner, name, descriptor, true);
                    }

                    @Override
                    public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean itf) {
                        member(owner, name, descriptor, false);
                    }

                    @Override
                    public void visitInvokeDynamicInsn(String name, String descriptor, Handle bsm, Object... args) {
                        type(Type.getMethodType(descriptor));
                        constant(bsm);
                        for (Object arg : args) {
                            constant(arg);
                        }
                    }

                    @Override
                    public void visitLdcInsn(Object value) {
                        constant(value);
                    }

                    @Override
                    public void visitMultiANewArrayInsn(String descriptor, int dims) {
                        type(Type.getType(descriptor));
                    }

                    @Override
                    public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
                        if (type != null) {
                            internal(type);
                        }
                    }
                };
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    }

    /** Convenience for the tests: the classes a report's missing references come from. */
    static Set<String> sources(Map<String, Set<String>> refs) {
        Set<String> all = new TreeSet<>();
        refs.values().forEach(all::addAll);
        return all;
    }

    static List<Path> paths(String pathList) {
        List<Path> out = new ArrayList<>();
        for (String p : pathList.split(java.io.File.pathSeparator)) {
            if (!p.isBlank()) {
                out.add(Path.of(p));
            }
        }
        return out;
    }
}
