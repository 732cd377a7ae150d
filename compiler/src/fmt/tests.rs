//! Golden tests of the layout: small inputs and their exact outputs.
