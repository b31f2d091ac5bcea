/**
 * Words and strings that people choose as passwords far more often than chance, written for this project
 * from patterns that every leaked-password study reports (no third-party list is copied): the word
 * "password" and its kin, keyboard walks, names of pets and characters, sports, places, love and
 * swearing, and the romanised Japanese words that Japanese users pick most. Entries are lower-case, with
 * no spaces, and are matched after folding look-alike symbols (p@ssw0rd) and dropping a short or simple
 * tail of digits and symbols (password1234, sakura2024!), so each base word stands for its variants.
 */
// prettier-ignore
export const COMMON_PASSWORDS: readonly string[] = [
  // The word itself, its translations and the words of a login screen.
  'password', 'passwort', 'passwd', 'pass', 'passw', 'passpass', 'pasword', 'motdepasse',
  'contrasena', 'senha', 'parola', 'haslo', 'wachtwoord', 'salasana', 'secret', 'secreto', 'letmein',
  'welcome', 'welcomehome', 'login', 'logon', 'signin', 'admin', 'administrator', 'root', 'toor',
  'superuser', 'user', 'username', 'guest', 'default', 'changeme', 'changeit', 'newpassword',
  'mypassword', 'yourpassword', 'ourpassword', 'test', 'tester', 'testing', 'testtest', 'demo', 'sample',
  'example', 'temp', 'temporary', 'access', 'master', 'private', 'system', 'server', 'database',
  'oracle', 'manager', 'office', 'staff', 'service', 'support', 'computer', 'internet',
  'shinchoku', 'kitamoto', 'pasuwado', 'pasuwaado', 'himitsu', 'anshobango', 'ansho',
  // Keyboard walks and simple strings (longer walks are caught as sequences).
  'asdf', 'asdfgh', 'asdfghjk', 'asdfghjkl', 'zxcv', 'zxcvbn', 'zxcvbnm', 'qwer', 'qwert', 'qwerty',
  'qwertyui', 'qwertyuiop', 'qwertz', 'azerty', 'qazwsx', 'qazwsxedc', '1qaz2wsx', '1qaz2wsx3edc',
  'zaq1xsw2', 'zaq12wsx', 'q1w2e3r4', 'q1w2e3r4t5', '1q2w3e4r', '1q2w3e4r5t', '1q2w3e', 'qweasd',
  'qweasdzxc', 'asdasd', 'qweqwe', 'zxczxc', 'abc', 'abcd', 'abcde', 'abcdef', 'abcabc', 'abc123',
  'a1b2c3', 'a1b2c3d4', 'aa', 'aaa', 'aaaa', 'xxx', 'xxxx', 'zzz', 'qqq', 'asd', 'qwe', 'iloveyou',
  'iloveu', 'loveyou', 'love', 'lovely', 'lover', 'loveme', 'mylove', 'sweetheart', 'sweetie', 'honey',
  'baby', 'babygirl', 'babyboy', 'princess', 'prince', 'angel', 'angels', 'beautiful', 'kisses',
  'forever', 'together', 'friend', 'friends', 'bestfriend', 'family', 'mother', 'father', 'mommy',
  'daddy', 'sister', 'brother', 'darling', 'heart', 'romance',
  // Animals and pets.
  'monkey', 'dragon', 'tiger', 'lion', 'eagle', 'falcon', 'shadow', 'wolf', 'bear', 'panda', 'puppy',
  'kitty', 'kitten', 'hellokitty', 'doggy', 'doggie', 'snoopy', 'bunny', 'rabbit', 'horse', 'donkey',
  'pony', 'dolphin', 'turtle', 'butterfly', 'spider', 'snake', 'cobra', 'phoenix', 'unicorn', 'buddy',
  'max', 'bailey', 'charlie', 'lucky', 'rocky', 'ginger', 'pepper', 'cookie', 'muffin', 'peanut',
  'chocolate', 'cheese', 'banana', 'orange', 'apple', 'lemon', 'cherry', 'strawberry', 'pumpkin',
  // Sports, games, heroes and characters.
  'football', 'baseball', 'soccer', 'basketball', 'hockey', 'golf', 'tennis', 'yankees', 'lakers',
  'liverpool', 'chelsea', 'arsenal', 'barcelona', 'realmadrid', 'juventus', 'cowboys', 'steelers',
  'jordan', 'michael', 'superman', 'batman', 'spiderman', 'ironman', 'starwars', 'pokemon', 'pikachu',
  'mario', 'zelda', 'minecraft', 'fortnite', 'naruto', 'sasuke', 'goku', 'dragonball', 'onepiece',
  'luffy', 'gundam', 'doraemon', 'totoro', 'ghibli', 'anpanman', 'evangelion', 'sailormoon',
  'ultraman', 'matrix', 'trustno1', 'whatever', 'nothing', 'killer', 'hunter', 'ranger', 'soldier',
  'warrior', 'ninja', 'samurai', 'pirate', 'knight', 'wizard', 'merlin', 'legend', 'champion', 'winner',
  'victory', 'freedom', 'liberty', 'hello', 'helloworld', 'hi', 'hey', 'yes', 'no', 'ok', 'okay',
  'sunshine', 'summer', 'winter', 'spring', 'autumn', 'rainbow', 'starlight', 'silver', 'golden',
  'diamond', 'crystal', 'magic', 'music', 'guitar', 'rock', 'rockstar', 'star', 'stars', 'moon', 'sun',
  'sky', 'ocean', 'flower', 'flowers', 'rose', 'lily', 'daisy', 'jasmine', 'summertime', 'happy',
  'smile', 'funny', 'crazy', 'cool', 'hotdog', 'pizza', 'coffee', 'beer', 'vodka', 'whiskey', 'money',
  'dollar', 'rich', 'business', 'company', 'monday', 'friday', 'sunday', 'january', 'december',
  'birthday', 'christmas', 'jesus', 'god', 'heaven', 'blessed', 'faith', 'hope', 'peace', 'trinity',
  'matthew', 'andrew', 'thomas', 'daniel', 'robert', 'joshua', 'ashley', 'jessica', 'jennifer',
  'michelle', 'nicole', 'amanda', 'hannah', 'sophie', 'william', 'george', 'harley', 'mercedes',
  'ferrari', 'porsche', 'corvette', 'mustang', 'toyota', 'honda', 'nissan', 'yamaha', 'suzuki',
  'google', 'facebook', 'twitter', 'instagram', 'youtube', 'microsoft', 'windows', 'iphone',
  'samsung', 'android', 'linux', 'ubuntu', 'hacker', 'secure', 'security', 'fuckyou', 'fuckoff',
  'shit', 'asshole', 'bitch', 'sexy', 'pussy', 'dick', 'penis', 'boobs',
  // Places.
  'london', 'paris', 'newyork', 'berlin', 'america', 'usa', 'canada', 'england', 'france', 'germany',
  'china', 'korea', 'seoul', 'japan', 'nihon', 'nippon', 'tokyo', 'osaka', 'kyoto', 'yokohama',
  'nagoya', 'sapporo', 'fukuoka', 'kobe', 'sendai', 'hiroshima', 'okinawa', 'hokkaido', 'saitama',
  'chiba', 'fujisan', 'fuji',
  // Romanised Japanese words and names that Japanese users choose.
  'sakura', 'hanako', 'taro', 'tarou', 'hiroshi', 'takashi', 'yuki', 'yukiko', 'haruka', 'haruto',
  'yuto', 'sora', 'hinata', 'aoi', 'akira', 'kenji', 'keiko', 'tomoko', 'naoki', 'daisuke', 'satoshi',
  'yamada', 'tanaka', 'sato', 'takahashi', 'watanabe', 'ito', 'nakamura', 'kobayashi',
  'arigato', 'arigatou', 'daisuki', 'aishiteru', 'suki', 'kawaii', 'genki', 'ganbare', 'ganbaru',
  'ohayo', 'ohayou', 'konnichiwa', 'konbanwa', 'sayonara', 'kokoro', 'yume', 'hikari', 'kibou', 'ai',
  'neko', 'inu', 'usagi', 'tora', 'ryu', 'hoshi', 'tsuki', 'umi', 'hana', 'momo', 'ringo',
  'mikan', 'ramen', 'sushi', 'tempura', 'miso', 'natto', 'onigiri', 'pocky', 'shiba', 'akita', 'chibi',
  'otaku', 'manga', 'anime', 'kamisama', 'tenshi', 'akuma', 'baka', 'nyan', 'nyanko', 'wanwan',
  'banzai', 'nihonjin', 'sensei', 'senpai', 'kaisha', 'shigoto', 'yakusho', 'shiyakusho', 'kuyakusho',
  'soumu', 'kikaku', 'jimu', 'jinji',
];
