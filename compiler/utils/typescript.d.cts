// typescript.cjs exports the `typescript` package itself.
import ts = require("typescript");
export = ts;
