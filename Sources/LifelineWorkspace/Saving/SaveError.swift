/// Why a save could not be done; nothing was written to that file.
public enum SaveError: Error, CustomStringConvertible, Equatable {
    /// Someone else changed the file since it was read: never overwritten silently.
    case changedOnDisk(String)
    case cannotWrite(String, String)
    /// The file has no column for a value that was edited.
    case missingColumn(file: String, column: String)
    /// The user may not write the file (SPEC §11 v2): it is not replaced behind their back.
    case readOnly(String)
    /// Another save into the same folder held its lock for longer than a save waits.
    case busy(String)

    public var description: String {
        switch self {
        case .changedOnDisk(let file): "\(file) changed on disk since it was read (another Lifeline or program saved it); reload and edit again"
        case .cannotWrite(let path, let reason): "\(path): cannot write: \(reason)"
        case .missingColumn(let file, let column): "\(file) has no \(column) column; add one to the file to record this value"
        case .readOnly(let file): "\(file) is read-only; not saved"
        case .busy(let folder): "the workspace is being saved by another process (\(folder) stayed locked); not saved, try again"
        }
    }
}
