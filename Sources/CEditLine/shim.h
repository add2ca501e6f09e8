// libedit's native API (histedit.h). el_set, el_get and history are C
// variadic functions, which Swift cannot call, so each use the REPL needs
// gets a fixed-signature wrapper here. Only IsnadCLI/REPL/LineEditor.swift
// imports this module.
#include <histedit.h>
#include <locale.h>
#include <stdio.h>

typedef char *(*isnad_prompt_fn)(EditLine *);
typedef unsigned char (*isnad_key_fn)(EditLine *, int);

/// On the process's standard streams (which Swift 6 cannot name safely).
static inline EditLine *isnad_el_init(const char *program) { return el_init(program, stdin, stdout, stderr); }
static inline void isnad_el_set_prompt(EditLine *el, isnad_prompt_fn fn) { el_set(el, EL_PROMPT, fn); }
static inline void isnad_el_set_editor(EditLine *el, const char *mode) { el_set(el, EL_EDITOR, mode); }
static inline void isnad_el_set_signal(EditLine *el, int on) { el_set(el, EL_SIGNAL, on); }
static inline void isnad_el_set_history(EditLine *el, History *h) { el_set(el, EL_HIST, history, h); }
static inline void isnad_el_set_clientdata(EditLine *el, void *data) { el_set(el, EL_CLIENTDATA, data); }
static inline void *isnad_el_clientdata(EditLine *el) {
    void *data = NULL;
    el_get(el, EL_CLIENTDATA, &data);
    return data;
}
/// A named editor function bound to one key sequence ("^I", "^C").
static inline void isnad_el_bind(EditLine *el, const char *name, const char *help, isnad_key_fn fn, const char *key) {
    el_set(el, EL_ADDFN, name, help, fn);
    el_set(el, EL_BIND, key, name, NULL);
}
/// Terminal flags for edit mode, e.g. "-isig" so ^C reaches a key binding
/// instead of raising SIGINT while a line is being typed.
static inline void isnad_el_setty(EditLine *el, const char *flag) { el_set(el, EL_SETTY, "-d", flag, NULL); }
static inline FILE *isnad_el_output(EditLine *el) {
    FILE *fp = NULL;
    el_get(el, EL_GETFP, 1, &fp);
    return fp;
}

static inline int isnad_history_setsize(History *h, int size) { HistEvent ev; return history(h, &ev, H_SETSIZE, size); }
static inline int isnad_history_setunique(History *h, int on) { HistEvent ev; return history(h, &ev, H_SETUNIQUE, on); }
static inline int isnad_history_enter(History *h, const char *line) { HistEvent ev; return history(h, &ev, H_ENTER, line); }
static inline int isnad_history_load(History *h, const char *path) { HistEvent ev; return history(h, &ev, H_LOAD, path); }
static inline int isnad_history_save(History *h, const char *path) { HistEvent ev; return history(h, &ev, H_SAVE, path); }
