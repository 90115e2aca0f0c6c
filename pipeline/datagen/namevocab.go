package datagen

// The person-name vocabularies: common given names and surnames of the United
// States, ASCII letters only so that they serve in e-mail addresses as they are.
// Their sizes fix how many distinct names exist (see [personName]); changing a word
// changes the data set, so the pinned checksum test will say so.

// nameVocabulary is the size of each vocabulary: nameVocabulary² full names.
const nameVocabulary = 320

// firstNames are given names, women's and men's interleaved.
var firstNames = [nameVocabulary]string{
	"James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David",
	"Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah",
	"Charles", "Karen", "Christopher", "Lisa", "Daniel", "Nancy", "Matthew", "Betty", "Anthony",
	"Margaret", "Mark", "Sandra", "Donald", "Ashley", "Steven", "Kimberly", "Paul", "Emily",
	"Andrew", "Donna", "Joshua", "Michelle", "Kenneth", "Carol", "Kevin", "Amanda", "Brian",
	"Dorothy", "George", "Melissa", "Timothy", "Deborah", "Ronald", "Stephanie", "Edward",
	"Rebecca", "Jason", "Sharon", "Jeffrey", "Laura", "Ryan", "Cynthia", "Jacob", "Kathleen",
	"Gary", "Amy", "Nicholas", "Angela", "Eric", "Shirley", "Jonathan", "Anna", "Stephen",
	"Brenda", "Larry", "Pamela", "Justin", "Emma", "Scott", "Nicole", "Brandon", "Helen",
	"Benjamin", "Samantha", "Samuel", "Katherine", "Gregory", "Christine", "Alexander", "Debra",
	"Frank", "Rachel", "Patrick", "Carolyn", "Raymond", "Janet", "Jack", "Catherine", "Dennis",
	"Maria", "Jerry", "Heather", "Tyler", "Diane", "Aaron", "Ruth", "Jose", "Julie", "Adam",
	"Olivia", "Nathan", "Joyce", "Henry", "Virginia", "Douglas", "Victoria", "Zachary", "Kelly",
	"Peter", "Lauren", "Kyle", "Christina", "Ethan", "Joan", "Walter", "Evelyn", "Noah", "Judith",
	"Jeremy", "Megan", "Christian", "Andrea", "Keith", "Cheryl", "Roger", "Hannah", "Terry",
	"Jacqueline", "Gerald", "Martha", "Harold", "Gloria", "Sean", "Teresa", "Austin", "Ann",
	"Carl", "Sara", "Arthur", "Madison", "Lawrence", "Frances", "Dylan", "Kathryn", "Jesse",
	"Janice", "Jordan", "Jean", "Bryan", "Abigail", "Billy", "Alice", "Joe", "Judy", "Bruce",
	"Sophia", "Gabriel", "Grace", "Logan", "Denise", "Albert", "Amber", "Willie", "Doris", "Alan",
	"Marilyn", "Juan", "Danielle", "Wayne", "Beverly", "Elijah", "Isabella", "Randy", "Theresa",
	"Roy", "Diana", "Vincent", "Natalie", "Ralph", "Brittany", "Eugene", "Charlotte", "Russell",
	"Marie", "Bobby", "Kayla", "Mason", "Alexis", "Philip", "Lori", "Louis", "Ava", "Harry",
	"Mia", "Howard", "Chloe", "Carlos", "Priya", "Luis", "Mei", "Diego", "Sofia", "Miguel",
	"Camila", "Javier", "Lucia", "Alejandro", "Valentina", "Rafael", "Elena", "Hiroshi", "Yuki",
	"Kenji", "Aiko", "Wei", "Lin", "Ravi", "Ananya", "Arjun", "Divya", "Omar", "Fatima", "Ahmed",
	"Aisha", "Tariq", "Layla", "Kwame", "Amara", "Chidi", "Ngozi", "Tomasz", "Katarzyna", "Lars",
	"Ingrid", "Sven", "Astrid", "Pierre", "Camille", "Luca", "Giulia", "Matteo", "Francesca",
	"Dmitri", "Natasha", "Ivan", "Olga", "Mateo", "Ximena", "Santiago", "Paula", "Andres", "Rosa",
	"Eduardo", "Carmen", "Fernando", "Gabriela", "Ricardo", "Adriana", "Marco", "Beatriz",
	"Sergio", "Monica", "Hector", "Silvia", "Min", "Jia", "Hao", "Xin", "Jun", "Yan", "Sanjay",
	"Deepa", "Vikram", "Kavya", "Rohan", "Meera", "Nikhil", "Pooja", "Amit", "Neha", "Trevor",
	"Vanessa", "Derek", "Erin", "Shane", "Tiffany", "Marcus", "Jasmine", "Wesley", "Crystal",
	"Caleb", "Courtney", "Colin", "Brooke", "Dustin", "Leah", "Owen", "Claire", "Ian", "Morgan",
	"Luke", "Paige", "Evan", "Audrey", "Connor", "Jenna", "Gavin", "Caroline", "Spencer",
	"Bethany", "Grant", "Whitney",
}

// lastNames are surnames, roughly in order of frequency.
var lastNames = [nameVocabulary]string{
	"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez",
	"Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor",
	"Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez",
	"Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright",
	"Scott", "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall",
	"Rivera", "Campbell", "Mitchell", "Carter", "Roberts", "Gomez", "Phillips", "Evans", "Turner",
	"Diaz", "Parker", "Cruz", "Edwards", "Collins", "Reyes", "Stewart", "Morris", "Morales",
	"Murphy", "Cook", "Rogers", "Gutierrez", "Ortiz", "Morgan", "Cooper", "Peterson", "Bailey",
	"Reed", "Kelly", "Howard", "Ramos", "Kim", "Cox", "Ward", "Richardson", "Watson", "Brooks",
	"Chavez", "Wood", "James", "Bennett", "Gray", "Mendoza", "Ruiz", "Hughes", "Price", "Alvarez",
	"Castillo", "Sanders", "Patel", "Myers", "Long", "Ross", "Foster", "Jimenez", "Powell",
	"Jenkins", "Perry", "Russell", "Sullivan", "Bell", "Coleman", "Butler", "Henderson", "Barnes",
	"Gonzales", "Fisher", "Vasquez", "Simmons", "Romero", "Jordan", "Patterson", "Alexander",
	"Hamilton", "Graham", "Reynolds", "Griffin", "Wallace", "Moreno", "West", "Cole", "Hayes",
	"Bryant", "Herrera", "Gibson", "Ellis", "Tran", "Medina", "Aguilar", "Stevens", "Murray",
	"Ford", "Castro", "Marshall", "Owens", "Harrison", "Fernandez", "McDonald", "Woods",
	"Washington", "Kennedy", "Wells", "Vargas", "Henry", "Chen", "Freeman", "Webb", "Tucker",
	"Guzman", "Burns", "Crawford", "Olson", "Simpson", "Porter", "Hunter", "Gordon", "Mendez",
	"Silva", "Shaw", "Snyder", "Mason", "Dixon", "Munoz", "Hunt", "Hicks", "Holmes", "Palmer",
	"Wagner", "Black", "Robertson", "Boyd", "Rose", "Stone", "Salazar", "Fox", "Warren", "Mills",
	"Meyer", "Rice", "Schmidt", "Garza", "Daniels", "Ferguson", "Nichols", "Stephens", "Soto",
	"Weaver", "Ryan", "Gardner", "Payne", "Grant", "Dunn", "Kelley", "Spencer", "Hawkins",
	"Arnold", "Pierce", "Vazquez", "Hansen", "Peters", "Santos", "Hart", "Bradley", "Knight",
	"Elliott", "Cunningham", "Duncan", "Armstrong", "Hudson", "Carroll", "Lane", "Riley",
	"Andrews", "Alvarado", "Ray", "Delgado", "Berry", "Perkins", "Hoffman", "Johnston",
	"Matthews", "Pena", "Richards", "Contreras", "Willis", "Carpenter", "Lawrence", "Sandoval",
	"Guerrero", "George", "Chapman", "Rios", "Estrada", "Ortega", "Watkins", "Greene", "Nunez",
	"Wheeler", "Valdez", "Harper", "Burke", "Larson", "Santiago", "Maldonado", "Morrison",
	"Franklin", "Carlson", "Austin", "Dominguez", "Carr", "Lawson", "Jacobs", "Obrien", "Lynch",
	"Singh", "Vega", "Bishop", "Montgomery", "Oliver", "Jensen", "Harvey", "Williamson",
	"Gilbert", "Dean", "Sims", "Espinoza", "Howell", "Li", "Wang", "Zhang", "Liu", "Yang",
	"Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun", "Ma", "Zhu", "Hu", "Guo", "Lin", "Tanaka",
	"Suzuki", "Watanabe", "Yamamoto", "Nakamura", "Kobayashi", "Sato", "Takahashi", "Park",
	"Choi", "Jung", "Kang", "Cho", "Yoon", "Shah", "Gupta", "Sharma", "Kumar", "Reddy", "Rao",
	"Mehta", "Iyer", "Nair", "Joshi", "Khan", "Ali", "Hussain", "Rahman", "Okafor", "Mensah",
	"Nowak", "Kowalski",
}
