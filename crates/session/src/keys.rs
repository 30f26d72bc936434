//! Which keys change the report's structure, decided once for the page.
//! Word's habits: Tab and Shift+Tab move between fields and never touch the
//! outline; Alt+Shift+→ / Alt+Shift+← demote and promote a heading (Word's
//! outline keys); Ctrl+Z undoes, Ctrl+Y and Ctrl+Shift+Z redo.

/// A key press as the browser reports it (`KeyboardEvent.key` and its
/// modifiers; Cmd on a Mac counts as Ctrl).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct KeyPress<'a> {
    pub key: &'a str,
    pub ctrl: bool,
    pub alt: bool,
    pub shift: bool,
}

/// A structural command a key asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum KeyCommand {
    /// Hạ cấp: the heading becomes a sub-item of the one before it.
    Demote,
    /// Nâng cấp: the heading moves one level up.
    Promote,
    Undo,
    Redo,
}

/// The command of a key in a heading's title, if any.
pub fn heading_command(k: KeyPress<'_>) -> Option<KeyCommand> {
    if k.alt && k.shift && !k.ctrl {
        return match k.key {
            "ArrowRight" => Some(KeyCommand::Demote),
            "ArrowLeft" => Some(KeyCommand::Promote),
            _ => None,
        };
    }
    history_command(k)
}

/// The command of a key anywhere on the page: the undo and redo of
/// structural changes. Letters are compared without case ("Z" arrives
/// with Shift held).
pub fn history_command(k: KeyPress<'_>) -> Option<KeyCommand> {
    if !k.ctrl || k.alt {
        return None;
    }
    match (baocao_model::case::lower(k.key).as_str(), k.shift) {
        ("z", false) => Some(KeyCommand::Undo),
        ("z", true) | ("y", false) => Some(KeyCommand::Redo),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(key: &str, ctrl: bool, alt: bool, shift: bool) -> KeyPress<'_> {
        KeyPress {
            key,
            ctrl,
            alt,
            shift,
        }
    }

    #[test]
    fn tab_and_shift_tab_change_nothing_in_a_heading() {
        assert_eq!(heading_command(press("Tab", false, false, false)), None);
        assert_eq!(heading_command(press("Tab", false, false, true)), None);
    }

    #[test]
    fn words_outline_keys_demote_and_promote() {
        use KeyCommand::*;
        assert_eq!(
            heading_command(press("ArrowRight", false, true, true)),
            Some(Demote)
        );
        assert_eq!(
            heading_command(press("ArrowLeft", false, true, true)),
            Some(Promote)
        );
        // Without Shift, Alt+← is the browser's "back": left alone.
        assert_eq!(
            heading_command(press("ArrowLeft", false, true, false)),
            None
        );
        // Shift+arrows select text; Ctrl+Alt+Shift is something else.
        assert_eq!(
            heading_command(press("ArrowRight", false, false, true)),
            None
        );
        assert_eq!(heading_command(press("ArrowRight", true, true, true)), None);
    }

    #[test]
    fn ctrl_z_undoes_ctrl_y_and_ctrl_shift_z_redo() {
        use KeyCommand::*;
        assert_eq!(history_command(press("z", true, false, false)), Some(Undo));
        assert_eq!(history_command(press("Z", true, false, true)), Some(Redo));
        assert_eq!(history_command(press("y", true, false, false)), Some(Redo));
        assert_eq!(heading_command(press("z", true, false, false)), Some(Undo));
        assert_eq!(history_command(press("z", false, false, false)), None);
        assert_eq!(history_command(press("y", true, false, true)), None);
        assert_eq!(history_command(press("z", true, true, false)), None);
    }
}
