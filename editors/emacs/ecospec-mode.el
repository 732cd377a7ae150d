;;; ecospec-mode.el --- Major mode for ecospec movement ecosystem specs -*- lexical-binding: t; -*-

;; SPDX-License-Identifier: MIT OR Apache-2.0
;; Version: 0.1.0
;; Package-Requires: ((emacs "27.1"))
;; Keywords: languages
;; URL: https://github.com/ecospec/ecospec

;;; Commentary:

;; Highlighting, comments and indentation for `.eco' files, and the
;; `ecospec-lsp' language server registered with eglot (and lsp-mode when
;; it is installed).
;;
;;   (add-to-list 'load-path "/path/to/ecospec/editors/emacs")
;;   (require 'ecospec-mode)
;;   (add-hook 'ecospec-mode-hook #'eglot-ensure)   ; optional

;;; Code:

(defgroup ecospec nil
  "Support for ecospec movement ecosystem specs."
  :group 'languages
  :prefix "ecospec-")

(defcustom ecospec-indent-offset 4
  "Indentation of a block's fields, as `ecospec fmt' lays them out."
  :type 'integer
  :safe #'integerp)

(defcustom ecospec-lsp-command '("ecospec-lsp")
  "Command starting the ecospec language server (stdio)."
  :type '(repeat string))

(defconst ecospec-keywords
  '("import" "ecosystem" "capability" "scenario" "cluster" "actor" "bridge"
    "between" "and" "among" "on" "intervention" "extend"))

(defconst ecospec-fields
  '("task" "description" "bets_on" "strategy" "cohesion" "needs" "in" "serves"
    "provides" "organizes" "via" "through" "form" "strength" "unity"
    "activate" "support" "goal" "pathway" "roles" "approach" "removes"))

(defconst ecospec-enum-values
  '("tight" "loose" "informal" "network" "organization" "conference"
    "strategic" "tactical" "institutional" "ideological"
    "citizen" "rebel" "reformer" "change_agent"
    "personal_transformation" "alternatives" "inside_game" "structure_organizing"
    "mass_protest"))

(defconst ecospec-actor-kinds
  '("organization" "campaign" "alliance" "network" "association" "collective"
    "union" "party" "coalition" "media" "community" "funder" "faith_group"
    "legal_group"))

(defconst ecospec--ident "[[:alpha:]_][[:alnum:]_-]*"
  "An identifier: a letter or `_', then letters, digits, `_' or `-'.")

(defun ecospec--words (words)
  "A regexp matching one of WORDS as a whole identifier."
  (concat "\\_<" (regexp-opt words t) "\\_>"))

(defconst ecospec-font-lock-keywords
  `(;; Declared names, right after their keyword.
    (,(concat "\\_<\\(capability\\|scenario\\|cluster\\|actor\\|bridge\\|intervention\\)\\_>[ \t]+\\("
              ecospec--ident "\\)")
     (1 font-lock-keyword-face) (2 font-lock-type-face))
    ;; `extend actor NAME' and `on NAME' refer to existing names.
    (,(concat "\\_<extend\\_>[ \t]+\\_<\\(actor\\|cluster\\|bridge\\|on\\)\\_>[ \t]+\\(" ecospec--ident "\\)")
     (1 font-lock-keyword-face) (2 font-lock-variable-name-face))
    ;; Actor kind after `actor NAME:'.
    (,(concat "\\_<actor[ \t]+" ecospec--ident "[ \t]*:[ \t]*" (ecospec--words ecospec-actor-kinds))
     (1 font-lock-builtin-face))
    (,(ecospec--words ecospec-keywords) . font-lock-keyword-face)
    ;; `@allow(lint, ...)'.
    (,(concat "@[ \t]*" ecospec--ident) . font-lock-preprocessor-face)
    ;; Field names, when followed by `:'.
    (,(concat (ecospec--words ecospec-fields) "[ \t]*:") (1 font-lock-variable-name-face))
    ;; Enum values, after the fields that take them.
    (,(concat "\\_<\\(?:cohesion\\|strength\\|form\\|unity\\|roles\\|approach\\)\\_>[ \t]*:")
     (,(ecospec--words ecospec-enum-values)
      (save-excursion (skip-chars-forward "^}\n") (point))
      nil
      (1 font-lock-constant-face))))
  "Highlighting for `ecospec-mode'.")

(defvar ecospec-mode-syntax-table
  (let ((table (make-syntax-table)))
    ;; `//' starts a comment that ends at the end of the line.
    (modify-syntax-entry ?/ ". 12" table)
    (modify-syntax-entry ?\n ">" table)
    (modify-syntax-entry ?\" "\"" table)
    (modify-syntax-entry ?\\ "\\" table)
    (modify-syntax-entry ?_ "_" table)
    (modify-syntax-entry ?- "_" table)
    (modify-syntax-entry ?@ "'" table)
    (modify-syntax-entry ?: "." table)
    (modify-syntax-entry ?, "." table)
    table)
  "Syntax table for `ecospec-mode'.")

(defun ecospec--doc-comment-p (state)
  "Non-nil when the comment of syntax STATE is a `///' doc comment (not `////')."
  (save-excursion
    (goto-char (nth 8 state))
    (and (looking-at "///") (not (looking-at "////")))))

(defun ecospec--font-lock-syntactic-face (state)
  "Face for the string or comment of syntax STATE."
  (cond ((nth 3 state) font-lock-string-face)
        ((ecospec--doc-comment-p state) font-lock-doc-face)
        (t font-lock-comment-face)))

(defun ecospec-indent-line ()
  "Indent the current line by brace depth."
  (interactive)
  (let* ((depth (save-excursion
                  (beginning-of-line)
                  (let ((d (car (syntax-ppss))))
                    (if (looking-at "[ \t]*}") (max 0 (1- d)) d))))
         (offset (- (current-column) (current-indentation))))
    (indent-line-to (* depth ecospec-indent-offset))
    (when (> offset 0) (forward-char offset))))

;;;###autoload
(define-derived-mode ecospec-mode prog-mode "ecospec"
  "Major mode for ecospec movement ecosystem specs (`.eco')."
  :syntax-table ecospec-mode-syntax-table
  (setq-local comment-start "// ")
  (setq-local comment-end "")
  (setq-local comment-start-skip "//+[ \t]*")
  (setq-local indent-line-function #'ecospec-indent-line)
  (setq-local indent-tabs-mode nil)
  (setq-local font-lock-defaults
              '(ecospec-font-lock-keywords
                nil nil nil nil
                (font-lock-syntactic-face-function . ecospec--font-lock-syntactic-face))))

;;;###autoload
(add-to-list 'auto-mode-alist '("\\.eco\\'" . ecospec-mode))

(with-eval-after-load 'eglot
  (defvar eglot-server-programs)
  (add-to-list 'eglot-server-programs
               `(ecospec-mode . ,(lambda (&rest _) ecospec-lsp-command))))

(with-eval-after-load 'lsp-mode
  (declare-function lsp-register-client "lsp-mode")
  (declare-function make-lsp-client "lsp-mode")
  (declare-function lsp-stdio-connection "lsp-mode")
  (defvar lsp-language-id-configuration)
  (add-to-list 'lsp-language-id-configuration '(ecospec-mode . "ecospec"))
  (lsp-register-client
   (make-lsp-client :new-connection (lsp-stdio-connection (lambda () ecospec-lsp-command))
                    :activation-fn (lambda (_file mode) (eq mode 'ecospec-mode))
                    :server-id 'ecospec-lsp)))

(provide 'ecospec-mode)
;;; ecospec-mode.el ends here
