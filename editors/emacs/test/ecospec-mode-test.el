;;; ecospec-mode-test.el --- Batch test of ecospec-mode -*- lexical-binding: t; -*-
;; Run: emacs --batch -l editors/emacs/test/ecospec-mode-test.el
(require 'ert)
(defconst ecospec-test-dir (file-name-directory (or load-file-name buffer-file-name)))
(add-to-list 'load-path (expand-file-name ".." ecospec-test-dir))
(require 'ecospec-mode)

(defun ecospec-test-face-at (text)
  "The face at the start of the first TEXT in the fixture."
  (goto-char (point-min))
  (search-forward text)
  (get-text-property (match-beginning 0) 'face))

(defmacro ecospec-test-with-fixture (&rest body)
  `(with-temp-buffer
     (insert-file-contents (expand-file-name "sample.eco" ecospec-test-dir) t)
     (set-auto-mode)
     (font-lock-ensure)
     ,@body))

(ert-deftest ecospec-mode-for-eco-files ()
  (ecospec-test-with-fixture
   (should (eq major-mode 'ecospec-mode))
   (should (equal comment-start "// "))))

(ert-deftest ecospec-font-lock ()
  (ecospec-test-with-fixture
   (should (eq (ecospec-test-face-at "cluster") 'font-lock-keyword-face))
   (should (eq (ecospec-test-face-at "antimilitarist") 'font-lock-type-face))
   (should (memq (ecospec-test-face-at "a line comment") '(font-lock-comment-face)))
   (should (eq (ecospec-test-face-at "a doc comment") 'font-lock-doc-face))
   (should (eq (ecospec-test-face-at "a banner") 'font-lock-comment-face))
   (should (eq (ecospec-test-face-at "Against wars") 'font-lock-string-face))
   (should (eq (ecospec-test-face-at "cohesion") 'font-lock-variable-name-face))
   (should (eq (ecospec-test-face-at "tight") 'font-lock-constant-face))
   (should (eq (ecospec-test-face-at "lawyers-guild") 'font-lock-type-face))
   (should (eq (ecospec-test-face-at "association") 'font-lock-builtin-face))
   ;; Language v1: roles, approach, removes and the new actor kinds.
   (should (eq (ecospec-test-face-at "approach") 'font-lock-variable-name-face))
   (should (eq (ecospec-test-face-at "mass_protest") 'font-lock-constant-face))
   (should (eq (ecospec-test-face-at "funder") 'font-lock-builtin-face))
   (should (eq (ecospec-test-face-at "roles") 'font-lock-variable-name-face))
   (should (eq (ecospec-test-face-at "citizen") 'font-lock-constant-face))
   (should (eq (ecospec-test-face-at "removes") 'font-lock-variable-name-face))))

(ert-deftest ecospec-comment-region ()
  (with-temp-buffer
    (ecospec-mode)
    (insert "cluster a")
    (comment-region (point-min) (point-max))
    (should (equal (buffer-string) "// cluster a"))))

;; Emacs 28 has no eglot and the test installs no package: where they are
;; missing, a stand-in feature with the same variable and functions is
;; provided, which runs the mode's `with-eval-after-load' registrations.
(ert-deftest ecospec-eglot-registration ()
  (unless (require 'eglot nil t)
    (defvar eglot-server-programs nil)
    ;; Outside a file being loaded, `provide' runs the after-load forms at once.
    (let ((load-file-name nil)) (provide 'eglot)))
  (let ((entry (assoc 'ecospec-mode eglot-server-programs)))
    (should entry)
    (should (equal (funcall (cdr entry)) '("ecospec-lsp")))))

(ert-deftest ecospec-lsp-mode-registration ()
  (let ((registered nil))
    (unless (featurep 'lsp-mode)
      (defvar lsp-language-id-configuration nil)
      (defalias 'lsp-stdio-connection (lambda (command) (list :stdio command)))
      (defalias 'make-lsp-client (lambda (&rest args) args))
      (defalias 'lsp-register-client (lambda (client) (push client registered)))
      (let ((load-file-name nil)) (provide 'lsp-mode)))
    (should (equal (alist-get 'ecospec-mode lsp-language-id-configuration) "ecospec"))
    (when registered
      (let ((client (car registered)))
        (should (eq (plist-get client :server-id) 'ecospec-lsp))
        (should (equal (funcall (cadr (plist-get client :new-connection))) '("ecospec-lsp")))
        (should (funcall (plist-get client :activation-fn) "x.eco" 'ecospec-mode))))))

(ert-run-tests-batch-and-exit)
