/* ncursesw for Swift: the wide-character API, plus small wrappers for the
 * macros and globals that do not import (see shared NCURSES-NOTES.md). */
#ifndef LIFELINE_CNCURSESW_SHIM_H
#define LIFELINE_CNCURSESW_SHIM_H

#define NCURSES_WIDECHAR 1

#include <locale.h>
#include <langinfo.h>
#include <wchar.h>
#include <ncurses.h>

/* Hidden by glibc's feature macros unless declared here. */
extern int wcwidth(wchar_t c);
extern int wcswidth(const wchar_t *s, size_t n);

/* Globals, as functions: Swift 6 rejects the mutable globals themselves. */
// stdin and stdout are mutable globals to Swift 6; these read them where C can.
static inline FILE *ll_stdin(void) { return stdin; }
static inline FILE *ll_stdout(void) { return stdout; }
static inline WINDOW *ll_stdscr(void) { return stdscr; }
static inline int ll_lines(void) { return LINES; }
static inline int ll_cols(void) { return COLS; }
static inline int ll_colors(void) { return COLORS; }
static inline int ll_color_pairs(void) { return COLOR_PAIRS; }

/* Attributes. */
static inline attr_t ll_a_bold(void) { return A_BOLD; }
static inline attr_t ll_a_dim(void) { return A_DIM; }
static inline attr_t ll_a_reverse(void) { return A_REVERSE; }
static inline attr_t ll_a_underline(void) { return A_UNDERLINE; }

/* Sets the attributes and colour pair for what is written next; the pair
 * goes through wattr_set's opts pointer so pairs above 255 work. */
static inline int ll_set_attributes(WINDOW *w, attr_t attrs, int pair) {
    return wattr_set(w, attrs, (NCURSES_PAIRS_T)0, &pair);
}

static inline void ll_getmaxyx(WINDOW *w, int *y, int *x) {
    int yy, xx;
    getmaxyx(w, yy, xx);
    *y = yy;
    *x = xx;
}

static inline int ll_key_f(int n) { return KEY_F(n); }

/* Mouse masks. */
static inline mmask_t ll_button1_pressed(void) { return BUTTON1_PRESSED; }
static inline mmask_t ll_button1_released(void) { return BUTTON1_RELEASED; }
static inline mmask_t ll_button1_clicked(void) { return BUTTON1_CLICKED; }
static inline mmask_t ll_button4_pressed(void) { return BUTTON4_PRESSED; }
static inline mmask_t ll_button5_pressed(void) { return BUTTON5_PRESSED; }

#endif
