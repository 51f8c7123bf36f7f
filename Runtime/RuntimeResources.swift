import Foundation

/// The runtime's files as resources: `RancherRuntime/` (the module every generated SDK gets a verbatim copy of) and
/// `TestSupport/` (the loopback HTTP server its generated tests use). The bundle holds them side by side; each
/// file's first line says which it is (`RuntimeFiles.testSupportHeader` in ApigenKit). They are compiled and tested in this
/// repository as the RancherRuntime target and part of RancherRuntimeTests; this target only ships them to the
/// emitter, so there is one copy of each file.
public enum RuntimeResources {
    public static var directory: URL? { Bundle.module.resourceURL }
}
