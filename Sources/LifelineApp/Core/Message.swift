import LifelineEngine
import LifelineTUI
import LifelineWorkspace

/// Everything that can change the dashboard's state: input, the clock, and
/// the results of commands (Bubble Tea's Msg).
public enum Message: Sendable {
    case input(InputEvent)
    /// About once a second, when no input came: time to look at the files.
    case tick
    case filesChanged([String])
    case exported(rows: Int, format: String, path: String)
    case exportFailed(path: String, reason: String)
    /// The export's file exists already: nothing was written.
    case exportExists(path: String)
    case saved(Workspace, files: [String])
    case savedElsewhere(files: [String], folder: String)
    /// Saving found `file` changed on disk since it was read; nothing was written.
    case saveConflict(file: String)
    case saveFailed(String)
    case settingsSaved(Workspace)
    case settingsSaveFailed(String)
    /// Goals or a rule were written to lifeline.toml; the words say which.
    case playbookWritten(Workspace, String)
    case playbookWriteFailed(String)
    case reloaded(Workspace, Analysis, reason: String)
    case reloadFailed(String)
    /// Everything asked to be saved before quitting was saved.
    case readyToQuit
}

/// What `update` asks the world to do (Bubble Tea's Cmd). `CommandRunner`
/// does it and answers with messages; tests can answer instead.
public enum Command: Equatable, Sendable {
    case quit
    /// Stop until the shell continues the program (Ctrl-Z); the loop asks the backend.
    case suspend
    /// Write the tier list; an existing file is overwritten only when `overwrite` says so.
    case export(path: String, overwrite: Bool)
    /// Write the edits to the workspace's files (SPEC §11).
    case save
    /// Write the edited files into another folder.
    case saveElsewhere(folder: String)
    /// Write the current settings to lifeline.toml.
    case saveSettings
    /// Write goals or a rule into lifeline.toml; the words say what, for the message.
    case writePlaybook(PlaybookWrite, words: String)
    /// Save edits and settings, then quit if both were saved.
    case saveAndQuit
    /// Read the workspace again from disk, dropping unsaved edits.
    case reload(reason: String)
    /// See whether a workspace file changed on disk.
    case checkFiles
}
