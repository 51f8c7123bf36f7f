import Foundation

/// Where the built-in templates are: this target's resources (`Templates/Swift`, `Templates/DocC`, `Templates/Docs`
/// in the repository).
public enum BuiltInTemplates {
    public static var directory: URL? { Bundle.module.resourceURL }
}
