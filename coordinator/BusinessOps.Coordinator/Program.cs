Console.WriteLine("coordinator");
