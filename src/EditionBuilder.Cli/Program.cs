using EditionBuilder.Cli;
using EditionBuilder.Cli.Commands;

return EditionProgram.Run(args, Console.Out, Console.Error);
